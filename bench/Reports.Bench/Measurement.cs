namespace Reports.Bench;

/// <summary>One timed run as /usr/bin/time saw it, and what the process printed.</summary>
public sealed record Measurement(double WallSeconds, long MaxRssKilobytes, string Output);
