using System.Text.RegularExpressions;

namespace Reports.Build.Tests;

/// <summary>Asserts a diagnostic in MSBuild's canonical format, <c>file(line,col): error CODE: message</c>, in a log.</summary>
internal static class DiagnosticAssert
{
    /// <summary>
    /// The log has the corruption's error at its file and line (with a column when the tool knows one). A whole-file problem
    /// (line 0) may be reported without a position or at line 1; MSBuild writes "file : error" where the command writes "file: error".
    /// </summary>
    public static void HasError(string log, Corruption corruption)
    {
        var position = corruption.Line > 0 ? $@"\({corruption.Line}(,\d+)?\)" : @"(\(1(,1)?\))?";
        var pattern = $@"^\s*{Regex.Escape(corruption.File)}{position}\s?: error {corruption.Code}: \S";
        Assert.True(Regex.IsMatch(log, pattern, RegexOptions.Multiline),
            $"expected an error matching /{pattern}/ in:\n{log}");
    }
}
