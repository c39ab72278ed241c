using IsolationBench.Workloads.Startup.RuntimeDirect;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Resources;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>The executor through the real matrix runner: samples in the startup shape, fingerprints verified as the engine path's.</summary>
[Collection(RealEngineCollection.Name)]
public sealed class RuntimeDirectExecutorTests(RealEngine real)
{
    [SkippableFact]
    public async Task Runc_crun_and_runsc_cells_give_verified_samples_for_every_phase_and_leave_nothing()
    {
        var engine = real.Require();
        real.RequireRuntime("crun");
        real.RequireRuntime("runsc");
        using var temp = new TempRoot();
        var directory = new RunDirectory(Path.Combine(temp.Path, "run"));
        Directory.CreateDirectory(directory.Path);
        var catalog = ModeCatalog.From(real.Facts);
        var modes = new[] { "runc", "crun", "runsc" }.Select(m => catalog.Find(m)!).ToList();
        var plan = modes.Select((m, i) => new MatrixCell(1, false, RuntimeDirectExecutor.Workload, m) { Position = i + 1 }).ToList();
        var context = new RunContext("it-rd-exec", directory, Labels.ForRun("it-rd-exec")) { Resources = new ResourceRequest(1, 512L * 1024 * 1024) };
        var stateBase = Path.Combine(temp.Path, "state");
        MatrixOutcome outcome;
        await using (var executor = new RuntimeDirectExecutor(engine, real.Facts!, await ProbeImage.EnsureAsync(engine), stateBase))
        {
            using var writer = new SampleWriter(directory.Samples);
            outcome = await new MatrixRunner([executor], FingerprintCollector.Collect(), allowMismatch: false).RunAsync(plan, context, writer, null, null, CancellationToken.None);
        }

        Assert.Empty(outcome.Failures);
        Assert.Null(outcome.MismatchReason);
        Assert.All(modes, m => Assert.True(outcome.Verification[m.Name].Verified, outcome.Verification[m.Name].Reason));
        var samples = SampleCsv.Read(directory.Samples);
        Assert.All(samples, s => Assert.Equal(RuntimeDirectExecutor.Workload, s.Workload));
        foreach (var mode in modes)
        {
            Assert.Equal([.. StartupPhases.Container, StartupPhases.Total], samples.Where(s => s.Mode == mode.Name).Select(s => s.Metric));
            Assert.All(samples.Where(s => s.Mode == mode.Name), s => Assert.True(s.IsOk && s.Value >= 0, $"{s.Mode}/{s.Metric}: {s.Status}"));
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(stateBase));
        Assert.Empty(await engine.ListContainersAsync(Labels.Run, "it-rd-exec", CancellationToken.None));
    }
}
