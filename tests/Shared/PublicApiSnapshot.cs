using System.Reflection;
using System.Text;
using PublicApiGenerator;

namespace Reports.Tests;

/// <summary>
/// An assembly's public API as PublicApiGenerator prints it, held to a file checked in beside the tests: a change to
/// what other projects can call fails until the file is rewritten with it, so the change is made on purpose and its
/// diff is reviewed with the code.
/// </summary>
internal static class PublicApiSnapshot
{
    /// <summary>Set to 1 to write the current API into the checked-in files instead of comparing with them.</summary>
    public const string AcceptVariable = "ACCEPT_PUBLIC_API";

    /// <param name="snapshot">The checked-in file, relative to the repository's root (tests/&lt;project&gt;/PublicApi/&lt;assembly&gt;.txt).</param>
    public static void Verify(Assembly assembly, string snapshot)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var path = Path.Combine(RepositoryRoot, snapshot);
        var actual = Normalize(assembly.GeneratePublicApi());
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        var expected = File.Exists(path) ? Normalize(File.ReadAllText(path)) : "";
        if (actual == expected)
        {
            return;
        }

        var message = new StringBuilder()
            .Append(File.Exists(path) ? "The public API of " : "No snapshot of the public API of ")
            .Append(assembly.GetName().Name)
            .Append(File.Exists(path) ? " differs from " : " at ")
            .AppendLine(snapshot)
            .AppendLine($"If the change is meant, run {AcceptVariable}=1 dotnet test {Path.GetDirectoryName(Path.GetDirectoryName(snapshot))}, which rewrites the file, and commit its diff with the change.")
            .AppendLine("Lines only in the snapshot (-) and only in the assembly (+):");
        foreach (var line in Difference(expected, actual))
        {
            message.AppendLine(line);
        }

        Assert.Fail(message.ToString());
    }

    private static string RepositoryRoot =>
        typeof(PublicApiSnapshot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>LF line ends and one final newline, as the repository's .editorconfig keeps text files.</summary>
    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";

    /// <summary>The lines only the snapshot has ("- ") and only the assembly has ("+ "), each in its file's order.</summary>
    private static IEnumerable<string> Difference(string expected, string actual)
    {
        var before = expected.Split('\n');
        var after = actual.Split('\n');
        var removed = Except(before, after).Select(l => "- " + l);
        var added = Except(after, before).Select(l => "+ " + l);
        return removed.Concat(added);
    }

    /// <summary>The lines of <paramref name="lines"/> left after taking out one for each equal line of <paramref name="others"/>.</summary>
    private static IEnumerable<string> Except(IEnumerable<string> lines, IEnumerable<string> others)
    {
        var counts = others.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (counts.TryGetValue(line, out var count) && count > 0)
            {
                counts[line] = count - 1;
            }
            else
            {
                yield return line;
            }
        }
    }
}
