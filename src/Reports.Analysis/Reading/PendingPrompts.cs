using Reports.Analysis.Evidence;

namespace Reports.Analysis.Reading;

/// <summary>
/// Reads the text and tokens of strongest prompts that a reader kept only the place of (<see cref="TopPrompt.Pending"/>):
/// a report needs them for the few features it draws pages for, so the aggregation never holds them for all.
/// </summary>
public static class PendingPrompts
{
    /// <summary>The prompts with their text read from the prompts file; prompts already whole are returned as they are.</summary>
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
            if (read != pending.Length)
            {
                throw new IOException($"{promptsPath} changed while the report was built: prompt {prompt.PromptId} is no longer where it was read.");
            }

            return PromptLineScanner.Complete(prompt, json);
        })];
    }
}
