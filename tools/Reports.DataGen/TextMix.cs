namespace Reports.DataGen;

/// <summary>What the prompts and their tokens hold.</summary>
public enum TextMix
{
    /// <summary>English prompts with a few Greek, Cyrillic and accented words: the demo report's data.</summary>
    Latin,

    /// <summary>
    /// What a tokenizer gives for real traffic: code with <c>\n</c>, <c>\t</c>, quotes and backslashes, byte-fallback
    /// pieces such as <c>&lt;0x0A&gt;</c>, Chinese, Japanese, Korean, Arabic, Hebrew, Devanagari and Thai text, and emoji.
    /// </summary>
    Multilingual,
}
