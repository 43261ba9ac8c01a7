using System.Diagnostics;
using System.Globalization;

namespace Reports.Bench;

/// <summary>Runs a contender under <c>/usr/bin/time -f "%e %M"</c>: wall seconds and max RSS in KB, the same for every contender.</summary>
public static class TimedProcess
{
    public static Measurement Run(Contender contender)
    {
        // time's report goes to its own file (-o), so the contender's stderr cannot get mixed into it.
        var report = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in (string[])["-f", "%e %M", "-o", report, contender.FileName, .. contender.Arguments])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new ContenderFailedException("could not start /usr/bin/time");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var lines = error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                throw new ContenderFailedException($"exit code {process.ExitCode}: {string.Join(" / ", lines.TakeLast(3))}");
            }

            var fields = File.ReadAllText(report).Trim().Split(' ');
            return new Measurement(
                double.Parse(fields[0], CultureInfo.InvariantCulture),
                long.Parse(fields[1], CultureInfo.InvariantCulture),
                output.Result.Trim(),
                error.Result);
        }
        finally
        {
            File.Delete(report);
        }
    }
}
