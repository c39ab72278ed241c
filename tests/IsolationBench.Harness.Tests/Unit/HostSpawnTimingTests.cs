using IsolationBench.Harness.Lifecycle;
using System.Diagnostics;
using IsolationBench.Harness.Hosting;

namespace IsolationBench.Harness.Tests.Unit;

/// <summary>
/// The host baseline's start phase is the spawn, not the limits' bookkeeping before it: a cgroup v1 join and leave
/// per spawn put ~12 ms into every host start here (13.8 ms against ~2 ms), which understated every startup ratio to
/// host. (The v1 cgroup now spawns from one thread that joined once, so there is no per-spawn bookkeeping at all.)
/// </summary>
public sealed class HostSpawnTimingTests
{
    [Fact]
    [Trait("Requires", "Linux")] // spawns /bin/sh
    public async Task Time_spent_by_the_limits_before_and_after_the_spawn_is_not_in_the_start_phase()
    {
        using var limits = new SlowBookkeeping(TimeSpan.FromMilliseconds(400));

        var run = await HostProcessRunner.RunAsync("/bin/sh", ["-c", "echo ready"], TimeSpan.FromSeconds(30), requireReadyLine: false, limits, CancellationToken.None);

        Assert.Null(run.Failure);
        Assert.True(limits.Used, "the limits started the process");
        var start = run.Timings!.HostPhaseDurations().Single(p => p.Phase == "start").Milliseconds;
        // 400 ms of bookkeeping before the spawn must not reach the start phase (it did: the clock started before it).
        Assert.True(start < 400, $"start phase {start} ms includes the limits' bookkeeping");
    }

    /// <summary>Limits whose setup and teardown around the spawn are slow, as a cgroup v1 migration is.</summary>
    private sealed class SlowBookkeeping(TimeSpan each) : IHostLimits
    {
        public bool Used { get; private set; }

        public string Description => "slow bookkeeping (test)";

        public SpawnTimes Start(Process process)
        {
            Used = true;
            Thread.Sleep(each);
            var spawn = SpawnTimes.Around(process);
            Thread.Sleep(each);
            return spawn;
        }

        public void Dispose()
        {
        }
    }
}
