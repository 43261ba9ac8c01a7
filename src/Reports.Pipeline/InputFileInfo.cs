using System.Security.Cryptography;

namespace Reports.Pipeline;

/// <summary>
/// An input file as the report states it: name, size and SHA-256 (null when not computed), so a reader can tell which
/// data it shows.
/// </summary>
public sealed record InputFileInfo(string Role, string FileName, long Bytes, string? Sha256)
{
    public static InputFileInfo Of(string role, string path, bool hash = true)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        var sha256 = hash ? Convert.ToHexStringLower(SHA256.HashData(stream)) : null;
        return new InputFileInfo(role, Path.GetFileName(path), stream.Length, sha256);
    }
}
