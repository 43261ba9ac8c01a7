using Microsoft.Win32.SafeHandles;
using Reports.Analysis.Evidence;
using Reports.Schema;

namespace Reports.Analysis.Reading;

/// <summary>
/// Reads the text and tokens of strongest prompts that a reader kept only the place of (<see cref="TopPrompt.Pending"/>):
/// a report needs them for the few features it draws pages for, so the aggregation never holds them for all.
/// </summary>
public static class PendingPrompts
{
    /// <summary>The prompts with their text read from the prompts file; prompts already whole are returned as they are.</summary>
    /// <exception cref="SchemaDataException">A prompt's object is no longer valid: the file changed since it was read.</exception>
    public static IReadOnlyList<TopPrompt> Complete(string promptsPath, IReadOnlyList<TopPrompt> prompts)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        if (prompts.All(p => p.Pending is null))
        {
            return prompts;
        }

        using var file = File.OpenHandle(promptsPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        return [.. prompts.Select(prompt =>
        {
            if (prompt.Pending is not { } pending)
            {
                return prompt;
            }

            var json = new byte[pending.Length];
            var read = RandomAccess.Read(file, json, pending.Offset);

            // The generated reader's parse of one prompt: the scan checked the object, so an error means the file
            // changed since, and is located as the generated reader would locate it in the line as it is now.
            var whole = read == pending.Length
                ? ActivePromptJson.Parse(json, promptsPath, prompt.Line, prompt.Index, () => ColumnOf(file, pending.Offset))
                : null;
            if (whole is null || whole.PromptId != prompt.PromptId)
            {
                throw new IOException($"{promptsPath} changed while the report was built: prompt {prompt.PromptId} is no longer where it was read.");
            }

            return prompt with { Text = whole.PromptText, TokenizedPrompt = whole.TokenizedPrompt, Tokens = whole.Tokens ?? [], Pending = null };
        })];
    }

    /// <summary>The 1-based column of the byte at <paramref name="offset"/> in its line: its line's characters before it, read backwards.</summary>
    private static long ColumnOf(SafeFileHandle file, long offset)
    {
        var block = new byte[1 << 16];
        long column = 1;
        for (var end = offset; end > 0;)
        {
            var start = Math.Max(0, end - block.Length);
            var bytes = block.AsSpan(0, RandomAccess.Read(file, block.AsSpan(0, (int)(end - start)), start));
            var lineStart = bytes.LastIndexOf((byte)'\n') + 1;
            if (lineStart == 0 && start == 0 && bytes.StartsWith("\uFEFF"u8))
            {
                // The first line's columns start after the byte order mark, as the reader's do.
                lineStart = 3;
            }

            column += Utf8LineSource.ColumnOf(bytes[lineStart..], bytes.Length) - 1;
            if (lineStart > 0)
            {
                break;
            }

            end = start;
        }

        return column;
    }
}
