
namespace Reports.Pipeline.Tests;

/// <summary>Progress a person can read: a small file in KB (not "0 of 0 MB"), a large one in MB.</summary>
public sealed class ReadProgressTextTests
{
    [Theory]
    [InlineData(70_000L, 140_000L, "read 50% of the prompts (70 of 140 KB)")]
    [InlineData(140_000L, 140_000L, "read 100% of the prompts (140 of 140 KB)")]
    [InlineData(9_000_000L, 9_999_999L, "read 90% of the prompts (9,000 of 9,999 KB)")]
    [InlineData(203_000_000L, 450_000_000L, "read 45% of the prompts (203 of 450 MB)")]
    [InlineData(0L, 0L, "read 100% of the prompts (0 of 0 KB)")]
    public void Small_files_read_in_kilobytes_and_large_ones_in_megabytes(long read, long total, string expected) =>
        Assert.Equal(expected, ReadProgressText.Of(read, total));
}
