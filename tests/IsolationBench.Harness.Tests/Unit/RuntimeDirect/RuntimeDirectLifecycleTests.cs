using IsolationBench.Workloads.Startup.RuntimeDirect;

namespace IsolationBench.Harness.Tests.Unit.RuntimeDirect;

public sealed class RuntimeDirectLifecycleTests : IDisposable
{
    private OrphanReaper Reaper { get; } = OrphanReaper.Create();

    public void Dispose() => Reaper.Dispose();

    [Fact]
    public async Task A_runtime_binary_that_is_not_there_is_a_failed_run_not_an_exception()
    {
        var missing = new RuntimeCommand("ghost", Path.Combine(Path.GetTempPath(), "no-such-runtime-" + Guid.NewGuid().ToString("N")), [], Path.GetTempPath());

        var run = await RuntimeDirectLifecycle.RunAsync(missing, Path.GetTempPath(), "c1", TimeSpan.FromSeconds(10), Reaper, CancellationToken.None);

        Assert.False(run.Ok);
        Assert.Null(run.Timings);
        Assert.StartsWith("cannot run ", run.Failure, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_create_that_fails_reports_the_runtimes_last_line()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/bin/sh"), "needs /bin/sh");
        // A stand-in runtime that refuses every subcommand the way runc does: a message on stderr, exit 1.
        var fake = Path.Combine(Path.GetTempPath(), "isobench-fake-runtime-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(fake, "#!/bin/sh\necho \"container_linux.go: no such bundle\" >&2\nexit 1\n");
        try
        {
            if (OperatingSystem.IsLinux())
            {
                File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
            }

            var run = await RuntimeDirectLifecycle.RunAsync(new RuntimeCommand("fake", fake, [], "/nowhere"), "/nowhere", "c1", TimeSpan.FromSeconds(10), Reaper, CancellationToken.None);

            Assert.Equal("fake create exited 1: container_linux.go: no such bundle", run.Failure);
            Assert.Null(run.Timings);
        }
        finally
        {
            File.Delete(fake);
        }
    }
}
