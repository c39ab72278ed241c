namespace IsolationBench.Benchmarks.Guest;

/// <summary>
/// BenchmarkDotNet names its JSON report after the benchmark class, so a second run of the same class in this
/// process (the io run split around fio's jobs) would overwrite the first: each run's report is renamed apart
/// before the next starts, keeping the *-report-full.json ending the harness looks for.
/// </summary>
public static class BdnReportFiles
{
    private const string Suffix = "-report-full.json";

    /// <summary>Renames the reports of the run that just ended to carry <paramref name="part"/>; reports already renamed stay.</summary>
    public static void KeepApart(string artifactsDir, int part)
    {
        ArgumentNullException.ThrowIfNull(artifactsDir);
        var results = Path.Combine(artifactsDir, "results");
        if (!Directory.Exists(results))
        {
            return;
        }

        foreach (var report in Directory.GetFiles(results, "*" + Suffix))
        {
            var stem = Path.GetFileName(report)[..^Suffix.Length];
            if (IsPart(stem))
            {
                continue;
            }

            File.Move(report, Path.Combine(results, FormattableString.Invariant($"{stem}.part{part:00}{Suffix}")), overwrite: true);
        }
    }

    private static bool IsPart(string stem)
    {
        var dot = stem.LastIndexOf(".part", StringComparison.Ordinal);
        return dot >= 0 && stem.Length - dot == 7 && stem[^2..].All(char.IsAsciiDigit);
    }
}
