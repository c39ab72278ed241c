using IsolationBench.Harness.Matrix;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>The whole pipeline on the real engine: probe image built here, real containers, samples on disk.</summary>
[Collection(RealEngineCollection.Name)]
public sealed class StartupRunTests(RealEngine real)
{
    [SkippableFact]
    public async Task Host_runc_and_crun_give_verified_samples_for_every_phase_and_leave_no_container()
    {
        var engine = real.Require();
        real.RequireRuntime("crun");
        using var temp = new TempRoot();
        var options = new RunOptions { Modes = "host,runc,crun", Workloads = "startup", Samples = 3, Warmup = 1, Output = temp.Path, RunId = "it-startup" };

        var summary = await new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, RealEngine.Layout, new Progress<string>(), null).RunAsync(options, CancellationToken.None);

        Assert.Equal("complete", summary.Status);
        Assert.Empty(summary.Outcome.Failures);
        Assert.Null(summary.Outcome.MismatchReason);
        // Round 0 holds each mode's first container (first.* metrics), checked below.
        var all = SampleCsv.Read(summary.Directory.Samples);
        var samples = all.Where(s => s.Round > 0).ToList();
        foreach (var mode in new[] { "runc", "crun" })
        {
            foreach (var phase in StartupPhases.All)
            {
                var rows = samples.Where(s => s.Mode == mode && s.Metric == phase).ToList();
                Assert.Equal(3, rows.Count);
                Assert.All(rows, r => Assert.True(r.IsOk && r.Value >= 0, $"{mode}/{phase}: {r.Status} {r.Value}"));
            }

            // Contiguous phases add up to the total (each rounded to TimeSpan's 100 ns ticks).
            var total = samples.Where(s => s.Mode == mode && s.Metric == "total").Sum(s => s.Value);
            var parts = samples.Where(s => s.Mode == mode && s.Metric is not "total").Sum(s => s.Value);
            Assert.InRange(Math.Abs(total - parts), 0, 0.01);
        }

        Assert.Equal(3 * 5, samples.Count(s => s.Mode == "host"));
        Assert.Equal(["crun", "host", "runc"], all.Where(s => s.Metric == "first.total" && s.Round == 0).Select(s => s.Mode).Order(StringComparer.Ordinal));
        var manifest = summary.Directory.ReadManifest();
        Assert.Equal("complete", manifest.Status);
        Assert.All(new[] { "host", "runc", "crun" }, m => Assert.True(manifest.Verification[m].Verified, manifest.Verification[m].Reason));
        Assert.Equal(4, manifest.Verification["runc"].Containers);
        var fingerprints = summary.Directory.ReadFingerprints();
        Assert.Equal(12, fingerprints.Count);
        Assert.All(fingerprints.Where(f => f.Mode != "host"), f => Assert.True(f.Fingerprint!.InContainer));
        Assert.All(fingerprints.Where(f => f.Mode != "host"), f => Assert.Equal(["lo"], f.Fingerprint!.NetworkInterfaces));
        Assert.Empty(await engine.ListContainersAsync(Labels.Run, "it-startup", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Runsc_containers_are_verified_as_gvisor()
    {
        var engine = real.Require();
        real.RequireRuntime("runsc");
        using var temp = new TempRoot();
        var options = new RunOptions { Modes = "runsc", Workloads = "startup", Samples = 2, Warmup = 0, Output = temp.Path, RunId = "it-runsc" };

        var summary = await new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, RealEngine.Layout, new Progress<string>(), null).RunAsync(options, CancellationToken.None);

        Assert.Null(summary.Outcome.MismatchReason);
        Assert.Empty(summary.Outcome.Failures);
        var fingerprints = summary.Directory.ReadFingerprints();
        Assert.All(fingerprints, f => Assert.True(f.Fingerprint!.IsGVisor, f.Reason));
        Assert.Contains(summary.Directory.ReadManifest().Notes, n => n.Contains("ptrace", StringComparison.Ordinal));
        Assert.Empty(await engine.ListContainersAsync(Labels.Run, "it-runsc", CancellationToken.None));
    }

    [SkippableFact]
    public async Task An_unknown_runtime_mode_is_refused_before_anything_runs()
    {
        real.Require();
        using var temp = new TempRoot();
        var options = new RunOptions { Modes = "host,kata-runtime", Samples = 1, Output = temp.Path, RunId = "it-unknown" };

        var ex = await Assert.ThrowsAsync<UsageException>(() => new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, RealEngine.Layout, new Progress<string>(), null).RunAsync(options, CancellationToken.None));

        Assert.StartsWith("unknown mode 'kata-runtime': this host offers host, ", ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "it-unknown")));
    }
}
