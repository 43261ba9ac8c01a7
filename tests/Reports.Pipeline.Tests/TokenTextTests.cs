using Reports.Pipeline.Features;

namespace Reports.Pipeline.Tests;

/// <summary>How tokenizers' pieces are shown: what they stand for, with nothing dropped.</summary>
public sealed class TokenTextTests
{
    [Theory]
    [InlineData("▁the", " the", false)]
    [InlineData("<0x0A>", "⏎", true)]
    [InlineData("<0x09>", "⇥", false)]
    [InlineData("<0xE4>", "<0xE4>", false)]
    [InlineData("a\nb", "a⏎b", false)]
    [InlineData(":\n", ":⏎", true)]
    [InlineData("\tx", "⇥x", false)]
    [InlineData("\u0001\u007f", "␁␡", false)]
    [InlineData("▁שלום", " שלום", false)]
    [InlineData("👨\u200d💻", "👨\u200d💻", false)]
    public void A_sentencepiece_piece_is_shown_as_what_it_stands_for(string piece, string shown, bool endsLine) =>
        Assert.Equal((shown, endsLine), TokenText.Display(piece, byteLevel: false));

    [Theory]
    [InlineData("Ġthe", " the", false)]
    [InlineData("Ċ", "⏎", true)]
    [InlineData("ĉ", "⇥", false)]
    [InlineData("âĢĶ", "—", false)] // the UTF-8 bytes E2 80 94 in GPT-2's byte alphabet
    [InlineData("ĠçĮ«", " 猫", false)] // E7 8C AB
    [InlineData("âĢ", "\uFFFD", false)] // two bytes of a three-byte character: Python's bytes.decode(errors="replace") gives one U+FFFD
    public void A_byte_level_piece_is_decoded_from_its_byte_alphabet(string piece, string shown, bool endsLine) =>
        Assert.Equal((shown, endsLine), TokenText.Display(piece, byteLevel: true));

    [Fact]
    public void A_prompt_is_byte_level_when_its_pieces_carry_the_space_byte_and_all_fit_the_byte_alphabet()
    {
        Assert.True(TokenText.IsByteLevel(["Hello", "Ġworld", "Ċ"]));
        Assert.False(TokenText.IsByteLevel(["▁Hello", "▁world"]));
        Assert.False(TokenText.IsByteLevel(["Ġworld", "中"])); // 中 is not in the byte alphabet
    }
}
