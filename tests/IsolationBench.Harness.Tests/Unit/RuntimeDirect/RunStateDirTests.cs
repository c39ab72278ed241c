using IsolationBench.Workloads.Startup.RuntimeDirect;

namespace IsolationBench.Harness.Tests.Unit.RuntimeDirect;

public sealed class RunStateDirTests : IDisposable
{
    private readonly string _base = Path.Combine(Path.GetTempPath(), "isobench-rd-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_run_dir_is_named_by_its_owner_pid_and_holds_a_root_per_runtime()
    {
        var dir = RunStateDir.Create(_base, "r1");
        Directory.CreateDirectory(dir.RootFor("runc"));
        Directory.CreateDirectory(dir.RootFor("runsc"));
        Directory.CreateDirectory(dir.Bundle);

        Assert.Equal(Environment.ProcessId + "-r1", Path.GetFileName(dir.Path));
        Assert.Equal(["runc", "runsc"], RunStateDir.RuntimesIn(dir.Path));
    }

    [Fact]
    public void Only_dirs_of_dead_owners_and_unnamed_dirs_are_abandoned()
    {
        Directory.CreateDirectory(Path.Combine(_base, "100-live"));
        Directory.CreateDirectory(Path.Combine(_base, "200-dead"));
        Directory.CreateDirectory(Path.Combine(_base, "junk"));

        var abandoned = RunStateDir.Abandoned(_base, pid => pid == 100).Select(Path.GetFileName);

        Assert.Equal(["200-dead", "junk"], abandoned);
    }

    [Fact]
    public async Task The_sweep_removes_dead_runs_and_keeps_live_ones()
    {
        Directory.CreateDirectory(Path.Combine(_base, "100-live", "bundle", "rootfs"));
        Directory.CreateDirectory(Path.Combine(_base, "200-dead", "bundle", "rootfs"));
        // A runtime the engine no longer registers: its containers cannot be asked for, the directory still goes.
        Directory.CreateDirectory(Path.Combine(_base, "200-dead", "state-gone"));

        await RuntimeDirectRun.SweepAsync(_base, new Dictionary<string, Engine.RuntimeRegistration>(), pid => pid == 100, CancellationToken.None);

        Assert.True(Directory.Exists(Path.Combine(_base, "100-live", "bundle")));
        Assert.False(Directory.Exists(Path.Combine(_base, "200-dead")));
    }

    [Fact]
    public void A_missing_base_has_nothing_to_sweep() =>
        Assert.Empty(RunStateDir.Abandoned(Path.Combine(_base, "none"), _ => false));

    public void Dispose()
    {
        if (Directory.Exists(_base))
        {
            Directory.Delete(_base, recursive: true);
        }
    }
}
