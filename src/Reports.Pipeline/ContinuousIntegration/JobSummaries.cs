using Reports.Analysis.Aggregation;

namespace Reports.Pipeline.ContinuousIntegration;

/// <summary>
/// Hands a written report's summary.md to the build server the environment names: appended to GitHub Actions' step
/// summary (<c>GITHUB_STEP_SUMMARY</c>), uploaded on Azure DevOps (<c>TF_BUILD</c>), the headline numbers as TeamCity
/// build statistics (<c>TEAMCITY_VERSION</c>). Called only after the report's files are in place, so a job page never
/// points at a report that was not written; nothing happens for a variable that is unset or empty. The environment is a
/// function so that a test (and a nested build) says which server it is on.
/// </summary>
public static class JobSummaries
{
    /// <summary>Publishes the summary; the service messages it returns go to standard output, the notes to standard error.</summary>
    /// <param name="reportName">The report's name, in the TeamCity statistics' keys.</param>
    /// <param name="summaryPath">The full path of the written summary.md.</param>
    /// <param name="markdown">Its text.</param>
    /// <param name="analysis">The report's analysis, for the headline numbers.</param>
    /// <param name="environment">Reads an environment variable; null when unset.</param>
    public static JobSummaryPublication Publish(string reportName, string summaryPath, string markdown, ActivationAnalysis analysis, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(reportName);
        ArgumentNullException.ThrowIfNull(summaryPath);
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(environment);

        var messages = new List<string>();
        var notes = new List<string>();
        if (environment(GitHubStepSummary.Variable) is { Length: > 0 } stepSummary)
        {
            try
            {
                if (GitHubStepSummary.Append(stepSummary, summaryPath, markdown) is { } note)
                {
                    notes.Add(note);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The report is written and whole: a job page that could not be filled is said, not a failed build.
                notes.Add($"{GitHubStepSummary.Variable}: could not append to {stepSummary}: {exception.Message}; the summary is {summaryPath}");
            }
        }

        if (environment("TF_BUILD") is { Length: > 0 })
        {
            messages.Add("##vso[task.uploadsummary]" + Path.GetFullPath(summaryPath));
        }

        if (environment("TEAMCITY_VERSION") is { Length: > 0 })
        {
            var prefix = "activationReports." + reportName + ".";
            messages.Add(TeamCityServiceMessage.BuildStatisticValue(prefix + "features", analysis.Totals.Features));
            messages.Add(TeamCityServiceMessage.BuildStatisticValue(prefix + "featuresWithPrompts", analysis.Features.Count(f => f.HasPrompts)));
            messages.Add(TeamCityServiceMessage.BuildStatisticValue(prefix + "prompts", analysis.Totals.Prompts));
            messages.Add(TeamCityServiceMessage.BuildStatisticValue(prefix + "categories", analysis.Totals.Labels));
            messages.Add(TeamCityServiceMessage.BuildStatisticValue(prefix + "warnings", analysis.Warnings.Count));
        }

        return new JobSummaryPublication(messages, notes);
    }
}
