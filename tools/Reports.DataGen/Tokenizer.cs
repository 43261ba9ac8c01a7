namespace Reports.DataGen;

/// <summary>
/// A plausible SentencePiece-like tokenization: words start with <c>▁</c>, long words split into pieces,
/// punctuation stands alone. Good enough for realistic token lists; not a real model's vocabulary.
/// </summary>
internal static class Tokenizer
{
    public static string[] Tokenize(string text)
    {
        var tokens = new List<string>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var core = word.TrimEnd(',', '.', '?', '!', ':');
            var punctuation = word[core.Length..];
            if (core.Length > 0)
            {
                // Words longer than six characters become a word-start piece and continuation pieces.
                tokens.Add("▁" + core[..Math.Min(core.Length, 6)]);
                for (var i = 6; i < core.Length; i += 4)
                {
                    tokens.Add(core[i..Math.Min(core.Length, i + 4)]);
                }
            }

            foreach (var mark in punctuation)
            {
                tokens.Add(mark.ToString());
            }
        }

        return [.. tokens];
    }

    public static int CountTokens(string text) => Tokenize(text).Length;
}
