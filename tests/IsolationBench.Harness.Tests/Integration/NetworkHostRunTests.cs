using IsolationBench.Workloads.NetworkHost;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>
/// Host ↔ container on the real engine: the guest's server in a runc container behind a port published on 127.0.0.1,
/// the harness as client; the host baseline as host processes. Rows for both metrics, a verified fingerprint from
/// inside, no container left; a runtime registered without a network (runsc here) skipped with its reason.
/// </summary>
[Collection(RealEngineCollection.Name)]
public sealed class NetworkHostRunTests(RealEngine real)
{
    [SkippableFact]
    public async Task One_round_on_host_and_runc_gives_both_metrics_and_leaves_no_container()
    {
        real.Require();
        var runsc = real.Facts!.Runtimes.Contains("runsc");
        var modes = runsc ? "host,runc,runsc" : "host,runc";
        using var temp = new TempRoot();
        var options = new RunOptions { Modes = modes, Workloads = NetworkHostMetrics.Workload, Profile = "quick", GuestRounds = 1, Output = temp.Path, RunId = "it-network-host" };

        var summary = await new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, RealEngine.Layout, new Progress<string>(), null).RunAsync(options, CancellationToken.None);

        Assert.Null(summary.Outcome.MismatchReason);
        Assert.Empty(summary.Outcome.Failures);
        var samples = SampleCsv.Read(summary.Directory.Samples);
        foreach (var mode in (string[])["host", "runc"])
        {
            var rows = samples.Where(s => s.Mode == mode && s.Workload == NetworkHostMetrics.Workload).ToList();
            Assert.Equal(ClientPlanIterations * 2, rows.Count);
            Assert.All(rows, r => Assert.True(r.IsOk && r.Value > 0 && double.IsFinite(r.Value), $"{mode}/{r.Metric}: {r.Status} {r.Value}"));
            Assert.Equal([NetworkHostMetrics.Bulk, NetworkHostMetrics.RoundTrip], rows.Select(r => r.Metric).Distinct().Order(StringComparer.Ordinal));
        }

        var manifest = summary.Directory.ReadManifest();
        Assert.True(manifest.Verification["runc"].Verified, manifest.Verification["runc"].Reason);
        // One container per round: every runc figure comes from it (a short container id), every host figure from one process.
        Assert.Equal(12, Assert.Single(samples.Where(s => s.Mode == "runc").Select(s => s.Source).Distinct()).Length);
        Assert.StartsWith("host:", Assert.Single(samples.Where(s => s.Mode == "host").Select(s => s.Source).Distinct()), StringComparison.Ordinal);
        if (runsc && real.Facts.RuntimeRegistrations["runsc"].Arguments.Contains("--network=none"))
        {
            Assert.DoesNotContain(samples, s => s.Mode == "runsc");
            var skipped = Assert.Single(manifest.Skipped);
            Assert.Equal((NetworkHostMetrics.Workload, "runsc"), (skipped.Workload, skipped.Mode));
            Assert.Contains("--network=none", skipped.Reason, StringComparison.Ordinal);
        }

        Assert.Empty(await real.Engine!.ListContainersAsync(Labels.Run, "it-network-host", CancellationToken.None));
    }

    private static int ClientPlanIterations => IsolationBench.Workloads.NetworkHost.ClientPlan.For("quick").Iterations;
}
