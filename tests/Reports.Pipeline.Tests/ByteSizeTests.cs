namespace Reports.Pipeline.Tests;

/// <summary>Sizes as MaxLineLength (--max-line-length) takes them.</summary>
public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("65536", 65536L)]
    [InlineData("64M", 64L << 20)]
    [InlineData("64MiB", 64L << 20)]
    [InlineData("4 KiB", 4096L)]
    [InlineData("1g", 1L << 30)]
    [InlineData("128MB", 128L << 20)]
    public void Sizes_are_bytes_or_binary_units(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("64KB!")]
    [InlineData("-1")]
    [InlineData("1.5M")]
    [InlineData("M")]
    [InlineData("99999999999999999999")]
    public void Other_spellings_are_not_sizes(string text) => Assert.False(ByteSize.TryParse(text, out _));
}
