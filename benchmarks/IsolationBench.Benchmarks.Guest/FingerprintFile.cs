using IsolationBench.Fingerprint;

namespace IsolationBench.Benchmarks.Guest;

/// <summary>
/// &lt;artifacts&gt;/fingerprint.json: where the benchmarks ran, seen from inside (one JSON line). Written before any
/// benchmark, so a run that dies halfway still says which cage it was in; the harness checks it against the mode.
/// </summary>
public static class FingerprintFile
{
    public const string FileName = "fingerprint.json";

    public static async Task WriteAsync(string artifactsDir, CancellationToken cancellationToken)
    {
        var json = FingerprintJson.Serialize(FingerprintCollector.Collect());
        var path = Path.Combine(artifactsDir, FileName);
        var tmp = path + ".tmp";
        await File.WriteAllTextAsync(tmp, json + "\n", cancellationToken).ConfigureAwait(false);
        File.Move(tmp, path, overwrite: true);
    }
}
