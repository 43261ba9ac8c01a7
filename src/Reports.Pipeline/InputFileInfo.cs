using System.Security.Cryptography;

namespace Reports.Pipeline;

/// <summary>An input file as the report states it: name, size and SHA-256, so a reader can tell which data it shows.</summary>
public sealed record InputFileInfo(string Role, string FileName, long Bytes, string Sha256)
{
    public static InputFileInfo Of(string role, string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        var hash = SHA256.HashData(stream);
        return new InputFileInfo(role, Path.GetFileName(path), stream.Length, Convert.ToHexStringLower(hash));
    }
}
