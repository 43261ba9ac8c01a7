using System.Text;
using System.Text.RegularExpressions;
using Reports.Analysis.Diagnostics;

namespace Reports.Pipeline;

/// <summary>
/// Expands the prompts inputs: paths, and glob patterns the command expands itself (quoted, so the shell leaves them
/// alone, or from an MSBuild item's metadata): <c>*</c> and <c>?</c> within a name, <c>[abc]</c> / <c>[!abc]</c> sets
/// and ranges, <c>**</c> for any depth of folders. The files come out sorted by path (ordinal), each once, so a report
/// does not depend on how a shell or a file system listed them.
/// </summary>
public static class InputPatterns
{
    /// <summary>Whether <paramref name="path"/> holds a wildcard.</summary>
    public static bool IsPattern(string path) => path.AsSpan().IndexOfAny("*?[") >= 0;

    /// <summary>
    /// The files the paths and patterns name, as full paths, sorted, each once; <paramref name="unmatched"/> lists the
    /// patterns that matched no file. Full paths, so errors name the file the same way whichever folder the command
    /// ran in (MSBuild runs it in the project's, with the item's relative paths).
    /// </summary>
    /// <param name="baseDirectory">What relative paths are relative to.</param>
    public static IReadOnlyList<string> Expand(IEnumerable<string> pathsAndPatterns, string baseDirectory, out IReadOnlyList<string> unmatched)
    {
        ArgumentNullException.ThrowIfNull(pathsAndPatterns);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var empty = new List<string>();
        foreach (var item in pathsAndPatterns.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            // A file whose name holds a wildcard character ("runs [old]/p.jsonl") is that file, not a pattern.
            var full = Path.GetFullPath(item, baseDirectory);
            if (!IsPattern(item) || File.Exists(full))
            {
                files.Add(full);
                continue;
            }

            var matches = Matches(full).ToArray();
            if (matches.Length == 0)
            {
                empty.Add(item);
            }

            files.UnionWith(matches);
        }

        unmatched = empty;
        return [.. files];
    }

    /// <summary>RPT001 for a pattern that matched no file.</summary>
    /// <param name="what">What the pattern was to match, e.g. "prompts files".</param>
    /// <param name="option">Where it was given: the command's option, and the item's metadata when there is one.</param>
    public static ReportDiagnostic NoMatch(string pattern, string what, string option) =>
        new(DiagnosticSeverity.Error, DiagnosticCodes.FileNotFound,
            $"expected the pattern '{pattern}' to match {what}, found none; check the pattern in {option} (quoted, so the command expands it)", pattern);

    private static IEnumerable<string> Matches(string pattern)
    {
        // The folders before the first wildcard are a plain path; the rest is matched segment by segment.
        var segments = pattern.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var fixedCount = Array.FindIndex(segments, IsPattern);
        var root = string.Join(Path.DirectorySeparatorChar, segments[..fixedCount]);
        if (root.Length == 0)
        {
            root = Path.DirectorySeparatorChar.ToString();
        }

        return Directory.Exists(root) ? Walk(root, segments[fixedCount..]) : [];
    }

    private static IEnumerable<string> Walk(string directory, string[] rest)
    {
        var segment = rest[0];
        if (segment == "**")
        {
            // Zero folders, or one more and still under the **.
            foreach (var match in rest.Length > 1 ? Walk(directory, rest[1..]) : [])
            {
                yield return match;
            }

            foreach (var sub in Safe(() => Directory.EnumerateDirectories(directory)))
            {
                foreach (var match in Walk(sub, rest))
                {
                    yield return match;
                }
            }

            yield break;
        }

        var regex = SegmentRegex(segment);
        var last = rest.Length == 1;
        foreach (var entry in Safe(() => last ? Directory.EnumerateFiles(directory) : Directory.EnumerateDirectories(directory)))
        {
            if (!regex.IsMatch(Path.GetFileName(entry)))
            {
                continue;
            }

            if (last)
            {
                yield return entry;
            }
            else
            {
                foreach (var match in Walk(entry, rest[1..]))
                {
                    yield return match;
                }
            }
        }
    }

    /// <summary>A folder that cannot be listed holds no match (as a shell's glob skips it).</summary>
    private static IEnumerable<string> Safe(Func<IEnumerable<string>> list)
    {
        try
        {
            return [.. list()];
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            return [];
        }
    }

    private static Regex SegmentRegex(string segment)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            var close = c == '[' ? segment.IndexOf(']', i + 2) : -1;
            if (c == '*')
            {
                regex.Append(".*");
            }
            else if (c == '?')
            {
                regex.Append('.');
            }
            else if (close > 0)
            {
                var set = segment[(i + 1)..close];
                regex.Append('[').Append(set[0] == '!' ? "^" + Escaped(set[1..]) : Escaped(set)).Append(']');
                i = close;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant | (OperatingSystem.IsWindows() ? RegexOptions.IgnoreCase : RegexOptions.None));

        // Within a set only a range's '-' keeps its meaning.
        static string Escaped(string set) => string.Concat(set.Select(c => c is '\\' or ']' or '^' or '[' ? "\\" + c : c.ToString()));
    }
}
