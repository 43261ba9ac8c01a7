namespace Reports.Pipeline.ContinuousIntegration;

/// <summary>What publishing a report's summary to a build server left for the command to print.</summary>
/// <param name="ServiceMessages">
/// Lines for the build server's console (<c>##vso[…]</c>, <c>##teamcity[…]</c>): printed on standard output, which the
/// server's agent reads.
/// </param>
/// <param name="Notes">What did not go as asked (a step summary that was full), for standard error: plain messages, not
/// warnings, so a build that treats warnings as errors does not fail over its job page.</param>
public sealed record JobSummaryPublication(IReadOnlyList<string> ServiceMessages, IReadOnlyList<string> Notes);
