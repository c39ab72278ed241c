using System.Globalization;
using IsolationBench.Results;

namespace IsolationBench.Cli.Tests;

/// <summary>A small run directory on disk, for CLI tests of report/publish (no engine involved).</summary>
internal static class FakeRun
{
    public static string GoodSamples
    {
        get
        {
            var lines = new List<string> { "run_id,round,mode,workload,metric,unit,value,status" };
            for (var r = 1; r <= 10; r++)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"r,{r},host,startup,total,ms,{10 + (r % 3)},ok"));
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"r,{r},runc,startup,total,ms,{300 + (r % 5)},ok"));
            }

            return string.Join('\n', lines) + "\n";
        }
    }

    /// <summary>A startup run of runc and runsc only (no host), as `isobench run --modes runc,runsc` writes.</summary>
    public static string SandboxSamples
    {
        get
        {
            var lines = new List<string> { "run_id,round,mode,workload,metric,unit,value,status" };
            for (var r = 1; r <= 10; r++)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"r,{r},runc,startup,total,ms,{300 + (r % 5)},ok"));
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"r,{r},runsc,startup,total,ms,{480 + (r % 7)},ok"));
            }

            return string.Join('\n', lines) + "\n";
        }
    }

    public static string Write(string root, string samples) =>
        Write(root, samples, [new ModeDescription("host", "host", null, null), new ModeDescription("runc", "container", "runc", null)]);

    /// <param name="baseline">manifest.json's baseline; null writes a manifest as versions before the field did.</param>
    public static string Write(string root, string samples, IReadOnlyList<ModeDescription> modes, string? baseline = null, string runId = "r")
    {
        var dir = Directory.CreateDirectory(Path.Combine(root, "run-" + Guid.NewGuid().ToString("N")[..6])).FullName;
        File.WriteAllText(Path.Combine(dir, SampleCsv.FileName), samples);
        new RunDirectory(dir).WriteManifest(new RunManifest
        {
            RunId = runId,
            ToolVersion = "0.1.0",
            StartedUtc = DateTimeOffset.UnixEpoch,
            Status = "complete",
            Host = new HostInfo { Os = "linux", OsDescription = "Debian", Kernel = "6.1", CpuModel = "cpu", Cores = 2, MemoryBytes = 1L << 34, Hostname = "h" },
            Modes = modes,
            Baseline = baseline,
            Workloads = ["startup"],
            Options = new Dictionary<string, string>(),
        });
        return dir;
    }
}
