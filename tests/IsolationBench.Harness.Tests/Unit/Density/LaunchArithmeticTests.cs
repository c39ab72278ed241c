using IsolationBench.Workloads.Density;
using IsolationBench.Fingerprint;

namespace IsolationBench.Harness.Tests.Unit.Density;

/// <summary>Launch throughput and latency on recorded batch times, and the batch's launching and cleanup on fake probes.</summary>
public sealed class LaunchArithmeticTests
{
    // Recorded from a batch of 4 runc launches here (ms since the batch began): created, ready, removed.
    private static readonly LaunchLifecycle[] Batch =
    [
        new("a", 0.4, 412.0, 655.1),
        new("b", 0.6, 498.3, 702.9),
        new("c", 0.7, 530.8, 790.2),
        new("d", 0.9, 605.5, 840.4),
    ];

    [Fact]
    public void Throughput_is_the_batch_over_first_create_to_last_removal() =>
        Assert.Equal(4 / ((840.4 - 0.4) / 1000.0), LaunchArithmetic.ContainersPerSecond(Batch), 9);

    [Fact]
    public void Latency_is_each_launch_create_to_ready() =>
        Assert.Equal([411.6, 497.7, 530.1, 604.6], LaunchArithmetic.Latencies(Batch).Select(v => Math.Round(v, 6)));

    [Fact]
    public void An_empty_or_instant_batch_has_no_throughput()
    {
        Assert.True(double.IsNaN(LaunchArithmetic.ContainersPerSecond([])));
        Assert.True(double.IsNaN(LaunchArithmetic.ContainersPerSecond([new LaunchLifecycle("a", 5, 5, 5)])));
    }

    [Fact]
    public async Task A_batch_launches_all_K_before_any_is_ready_and_removes_every_probe()
    {
        var gate = new TaskCompletionSource();
        var probes = new List<FakeProbe>();
        var launched = 0;
        async Task<HeldStart> Start(CancellationToken ct)
        {
            var probe = new FakeProbe("p" + Interlocked.Increment(ref launched));
            lock (probes)
            {
                probes.Add(probe);
                if (probes.Count == 4)
                {
                    gate.SetResult();
                }
            }

            // No launch gets ready until all four have been asked for: they run at once, not one after another.
            await gate.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
            return new HeldStart(probe, null);
        }

        var (done, failure) = await LaunchBatch.RunAsync(4, Start, CancellationToken.None);

        Assert.Null(failure);
        Assert.Equal(4, done.Count);
        Assert.All(probes, p => Assert.True(p.Disposed));
        Assert.All(done, l => Assert.True(l.CreatedMs <= l.ReadyMs && l.ReadyMs <= l.RemovedMs));
    }

    [Fact]
    public async Task A_failed_launch_is_reported_and_the_others_are_still_removed()
    {
        var probes = new List<FakeProbe>();
        var n = 0;
        Task<HeldStart> Start(CancellationToken ct)
        {
            var i = Interlocked.Increment(ref n);
            if (i == 2)
            {
                return Task.FromResult(new HeldStart(null, "runsc: sandbox failed"));
            }

            var probe = new FakeProbe("p" + i);
            lock (probes)
            {
                probes.Add(probe);
            }

            return Task.FromResult(new HeldStart(probe, null));
        }

        var (done, failure) = await LaunchBatch.RunAsync(3, Start, CancellationToken.None);

        Assert.Equal("runsc: sandbox failed", failure);
        Assert.Equal(2, done.Count);
        Assert.All(probes, p => Assert.True(p.Disposed));
    }

    private sealed class FakeProbe(string source) : IHeldProbe
    {
        public bool Disposed { get; private set; }

        public string Source => source;

        public string? ContainerId => null;

        public int? ProcessId => null;

        public double StartMilliseconds => 0;

        public IsolationFingerprint? Fingerprint => null;

        public Task<bool> IsAliveAsync(CancellationToken cancellationToken) => Task.FromResult(!Disposed);

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
