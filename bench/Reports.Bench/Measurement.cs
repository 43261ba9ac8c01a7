namespace Reports.Bench;

/// <summary>One timed run as /usr/bin/time saw it, and what the process printed on standard output and error.</summary>
public sealed record Measurement(double WallSeconds, long MaxRssKilobytes, string Output, string Error = "");
