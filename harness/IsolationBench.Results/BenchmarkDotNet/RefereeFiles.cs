namespace IsolationBench.Results.BenchmarkDotNet;

/// <summary>
/// The JSON files a referee tool (fio, iperf3) left in &lt;artifacts&gt;/&lt;folder&gt;/, in the order they were run: the
/// ones written before our benchmark (&lt;name&gt;.before.json, or any other name) first, then &lt;name&gt;.after.json, each
/// group in name order. No folder is no files: the cross-checks are optional.
/// </summary>
public static class RefereeFiles
{
    public static IReadOnlyList<string> InRunOrder(string artifactsDir, string folder)
    {
        ArgumentNullException.ThrowIfNull(artifactsDir);
        ArgumentNullException.ThrowIfNull(folder);
        var directory = Path.Combine(artifactsDir, folder);
        return Directory.Exists(directory)
            ? [.. Directory.GetFiles(directory, "*.json")
                .OrderBy(f => f.EndsWith(".after.json", StringComparison.Ordinal))
                .ThenBy(f => f, StringComparer.Ordinal)]
            : [];
    }
}
