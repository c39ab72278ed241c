using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>
/// The guest benchmark image (built here: debootstrap base + self-contained .NET) under real runtimes with the
/// quick profile: every category yields samples, fio's cross-check comes out, the fingerprints verify.
/// </summary>
[Collection(RealEngineCollection.Name)]
public sealed class GuestRunTests(RealEngine real)
{
    private static readonly string[] Categories = ["syscall", "io", "cpu", "memory", "network"];

    [SkippableFact]
    public async Task Quick_guest_workloads_on_host_runc_and_crun()
    {
        real.Require();
        real.RequireRuntime("crun");

        await RunAndCheckAsync("host,runc,crun", "it-guest");
    }

    [SkippableFact]
    public async Task Quick_guest_workloads_under_runsc_see_gvisor()
    {
        real.Require();
        real.RequireRuntime("runsc");

        var directory = await RunAndCheckAsync("runsc", "it-guest-runsc");

        Assert.All(directory.ReadFingerprints(), f => Assert.True(f.Fingerprint!.IsGVisor, f.Reason));
    }

    private async Task<RunDirectory> RunAndCheckAsync(string modes, string runId)
    {
        using var temp = new TempRoot();
        var options = new RunOptions { Modes = modes, Workloads = string.Join(',', Categories), Profile = "quick", GuestRounds = 1, Fio = true, Output = temp.Path, RunId = runId };

        var summary = await new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, RealEngine.Layout, new Progress<string>(), null).RunAsync(options, CancellationToken.None);

        Assert.Null(summary.Outcome.MismatchReason);
        Assert.Empty(summary.Outcome.Failures);
        var samples = SampleCsv.Read(summary.Directory.Samples);
        foreach (var mode in modes.Split(','))
        {
            foreach (var category in Categories)
            {
                var rows = samples.Where(s => s.Mode == mode && s.Workload == category).ToList();
                Assert.True(rows.Count > 0, $"{mode}/{category}: no samples");
                Assert.All(rows, r => Assert.True(r.IsOk && r.Value > 0 && double.IsFinite(r.Value), $"{mode}/{category}/{r.Metric}: {r.Status} {r.Value}"));
            }

            // The io category also ran fio in the same container, on the layer target (--fio: one container per mode is
            // below the five from which fio runs by itself).
            Assert.Contains(samples, s => s.Mode == mode && s.Metric == "fio.SequentialWrite1MiB@layer" && s.Unit == Units.MegabytesPerSecond);
            Assert.Contains(samples, s => s.Mode == mode && s.Metric == "fio.RandomRead4KiB@layer" && s.Unit == Units.OpsPerSecond);
            // Interleaved (the guest's FioInterleave): every refereed operation gives 6 pairs, fio's job i beside our iteration i.
            foreach (var metric in new[] { "SequentialWrite1MiB@layer", "RandomRead4KiB@layer", "RandomRead4KiBDirect@layer" })
            {
                int[] Iterations(string m) => [.. samples.Where(s => s.Mode == mode && s.Metric == m).Select(s => s.Iteration).Order()];
                Assert.Equal([1, 2, 3, 4, 5, 6], Iterations("fio." + metric));
                Assert.Equal(Iterations("fio." + metric), Iterations(metric));
            }

            Assert.Contains(samples, s => s.Mode == mode && s.Metric.EndsWith("@volume", StringComparison.Ordinal));
            // The network category ran iperf3 beside our TCP bulk benchmark, in the same container (every round).
            Assert.Contains(samples, s => s.Mode == mode && s.Workload == "network" && s.Metric == "iperf3.TcpBulk64KiB" && s.Unit == Units.MegabytesPerSecond);
            var bdnJson = Directory.GetFiles(Path.Combine(summary.Directory.Artifacts, mode), "*-report-full.json", SearchOption.AllDirectories);
            foreach (var category in Categories)
            {
                // Reports are named after the benchmark class (Benchmarks.IoBenchmarks.part02-report-full.json).
                var benchmarkClass = ".Benchmarks." + char.ToUpperInvariant(category[0]) + category[1..] + "Benchmarks.";
                var reports = bdnJson.Where(f => Path.GetFileName(f).Contains(benchmarkClass, StringComparison.OrdinalIgnoreCase)).ToList();
                if (category == "io")
                {
                    // Split around fio's three refereed operations (one part each, plus the cases between), each kept apart.
                    Assert.True(reports.Count >= 4, $"{mode}/io: {reports.Count} BenchmarkDotNet reports");
                    Assert.All(reports, f => Assert.Matches(@"\.part\d\d-report-full\.json$", f));
                }
                else if (category == "network")
                {
                    // Split around the TCP bulk benchmark, which iperf3 referees.
                    Assert.True(reports.Count >= 2, $"{mode}/network: {reports.Count} BenchmarkDotNet reports");
                }
                else
                {
                    Assert.Single(reports);
                    Assert.Matches(@"\.part\d\d-report-full\.json$", reports[0]);
                }
            }
        }

        var manifest = summary.Directory.ReadManifest();
        Assert.All(modes.Split(','), m => Assert.True(manifest.Verification[m].Verified, manifest.Verification[m].Reason));
        // One container (or host process) per mode ran every category of the round: a fingerprint per cell, all from it.
        Assert.Equal(modes.Split(',').Length * Categories.Length, summary.Directory.ReadFingerprints().Count);
        Assert.All(summary.Directory.ReadFingerprints().GroupBy(f => f.Mode), g => Assert.Single(g.Select(f => f.Source).Distinct()));
        Assert.All(modes.Split(','), m => Assert.Equal(1, manifest.Verification[m].Containers));
        Assert.Empty(await real.Engine!.ListContainersAsync(Labels.Run, runId, CancellationToken.None));

        // TempRoot is deleted on return: hand back a copy of what the caller checks.
        var keep = Path.Combine(Path.GetTempPath(), "isobench-it-keep-" + runId);
        if (Directory.Exists(keep))
        {
            Directory.Delete(keep, recursive: true);
        }

        Directory.CreateDirectory(keep);
        File.Copy(summary.Directory.Fingerprints, Path.Combine(keep, RunDirectory.FingerprintsFile));
        return new RunDirectory(keep);
    }
}
