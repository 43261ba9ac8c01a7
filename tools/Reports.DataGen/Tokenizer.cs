using System.Globalization;
using System.Text;

namespace Reports.DataGen;

/// <summary>
/// A plausible SentencePiece-like tokenization: words start with <c>▁</c>, long words split into pieces,
/// punctuation stands alone. Good enough for realistic token lists; not a real model's vocabulary.
/// </summary>
internal static class Tokenizer
{
    public static string[] Tokenize(string text, TextMix mix = TextMix.Latin) => mix == TextMix.Latin ? TokenizeLatin(text) : TokenizeMultilingual(text);

    public static int CountTokens(string text, TextMix mix = TextMix.Latin) => Tokenize(text, mix).Length;

    private static string[] TokenizeLatin(string text)
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

    /// <summary>
    /// As Llama's and Gemma's tokenizers give real text: a line break alternately as the byte-fallback piece
    /// <c>&lt;0x0A&gt;</c> and as itself, tabs as themselves, CJK, kana, Hangul and Thai two characters a piece, each
    /// emoji a piece of its own (one in three as its UTF-8 bytes, <c>&lt;0xF0&gt;&lt;0x9F&gt;</c>...), never a
    /// surrogate pair or a combining sequence cut in two.
    /// </summary>
    private static string[] TokenizeMultilingual(string text)
    {
        var tokens = new List<string>();
        var piece = new StringBuilder();
        var pieceLength = 0;
        var wordStart = true;
        var newlines = 0;

        void Flush()
        {
            if (piece.Length > 0)
            {
                tokens.Add(piece.ToString());
                piece.Clear();
                pieceLength = 0;
            }
        }

        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var rune = Rune.GetRuneAt(element, 0);
            if (element == " ")
            {
                Flush();
                wordStart = true;
                continue;
            }

            if (element is "\n" or "\t")
            {
                Flush();
                tokens.Add(element == "\t" ? "\t" : newlines++ % 2 == 0 ? "<0x0A>" : "\n");
                wordStart = true;
                continue;
            }

            if (IsEmoji(rune))
            {
                Flush();
                if (rune.Value % 3 == 0)
                {
                    var bytes = new byte[4];
                    var length = rune.EncodeToUtf8(bytes);
                    foreach (var b in bytes.AsSpan(0, length))
                    {
                        tokens.Add($"<0x{b:X2}>");
                    }
                }
                else
                {
                    tokens.Add(element);
                }

                wordStart = false;
                continue;
            }

            if (wordStart)
            {
                piece.Append('▁');
                wordStart = false;
            }

            piece.Append(element);
            pieceLength++;
            var pieceMax = IsDense(rune) ? 2 : tokens.Count == 0 || piece[0] == '▁' ? 6 : 4;
            if (pieceLength >= pieceMax || char.IsPunctuation(element[0]))
            {
                Flush();
            }
        }

        Flush();
        return [.. tokens];
    }

    private static bool IsEmoji(Rune rune) => rune.Value is >= 0x1F300 and <= 0x1FAFF;

    /// <summary>Scripts written without spaces, where a piece is a character or two.</summary>
    private static bool IsDense(Rune rune) => rune.Value is (>= 0x0E00 and <= 0x0E7F) or (>= 0x3040 and <= 0x30FF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xAC00 and <= 0xD7AF);
}
