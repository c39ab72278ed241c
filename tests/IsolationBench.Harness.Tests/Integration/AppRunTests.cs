using IsolationBench.Workloads.App;
using IsolationBench.AppLoad;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>
/// The app workload on the real engine: the ASP.NET Core service in a runc container measured from the host through a
/// published port, the host baseline as a host process, and — where the engine registered runsc without a network — runsc
/// measured by the client inside its container. Rows for every declared phase and load figure, verified fingerprints, a
/// histogram file per container, no container left.
/// </summary>
[Collection(RealEngineCollection.Name)]
public sealed class AppRunTests(RealEngine real)
{
    [SkippableFact]
    public async Task One_round_gives_cold_start_and_load_rows_per_mode_on_each_client_path_and_leaves_no_container()
    {
        real.Require();
        var runsc = real.Facts!.Runtimes.Contains("runsc");
        var runscWithoutNetwork = runsc && real.Facts.RuntimeRegistrations["runsc"].Arguments.Contains("--network=none");
        using var temp = new TempRoot();
        var options = new RunOptions { Modes = runsc ? "host,runc,runsc" : "host,runc", Workloads = AppMetrics.Workload, Profile = "quick", GuestRounds = 1, Output = temp.Path, RunId = "it-app" };

        var summary = await new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, RealEngine.Layout, new Progress<string>(), null).RunAsync(options, CancellationToken.None);

        Assert.Null(summary.Outcome.MismatchReason);
        Assert.Empty(summary.Outcome.Failures);
        var samples = SampleCsv.Read(summary.Directory.Samples);
        var manifest = summary.Directory.ReadManifest();
        Assert.Empty(manifest.Skipped);
        IReadOnlyList<string> hostPath = [AppMetrics.EngineStart, AppMetrics.ProcessUp, AppMetrics.FirstResponse, AppMetrics.ColdStartTotal, AppMetrics.Throughput, AppMetrics.LatencyP50, AppMetrics.LatencyP99];
        foreach (var mode in runsc ? (string[])["host", "runc", "runsc"] : ["host", "runc"])
        {
            var rows = samples.Where(s => s.Mode == mode && s.Workload == AppMetrics.Workload).ToList();
            Assert.All(rows, r => Assert.True(r.IsOk && r.Value >= 0 && double.IsFinite(r.Value), $"{mode}/{r.Metric}: {r.Status} {r.Value}"));
            var inContainer = mode == "runsc" && runscWithoutNetwork;
            // The client inside the container adds its own start as a phase; every other path has none.
            Assert.Equal(
                (inContainer ? hostPath.Append(AppMetrics.ClientUp) : hostPath).Order(StringComparer.Ordinal),
                rows.Select(r => r.Metric).Order(StringComparer.Ordinal));
            Assert.True(rows.Single(r => r.Metric == AppMetrics.Throughput).Value > 0);
            var source = Assert.Single(rows.Select(r => r.Source).Distinct());
            var histogram = Assert.Single(Directory.GetFiles(Path.Combine(summary.Directory.Path, AppMetrics.HistogramFolder), mode + "-r*.csv"));
            var back = new LatencyHistogram();
            Assert.All(File.ReadLines(histogram).Skip(1), l => Assert.True(back.TryAddBucket(l), l));
            Assert.True(back.Count > 0, $"{mode}: {source} histogram empty");
            if (mode != "host")
            {
                Assert.True(manifest.Verification[mode].Verified, manifest.Verification[mode].Reason);
            }
        }

        Assert.Empty(await real.Engine!.ListContainersAsync(Labels.Run, "it-app", CancellationToken.None));
    }
}
