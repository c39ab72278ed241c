using IsolationBench.Workloads.Density;
using IsolationBench.Harness.Lifecycle;
using System.Text;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Tests.Unit;

/// <summary>
/// Engine loss at any phase of a container's life is engine loss: the lifecycle throws EngineUnavailableException
/// (the run stops as engine-lost and --resume retakes the cell), never a "failed:" sample that would count as the
/// workload's failure. A fake engine dies at each call in turn, deterministically (the SIGTERM integration case hit
/// the remove call only by chance).
/// </summary>
public sealed class EngineLossTests
{
    public static TheoryData<string, long> Calls => new()
    {
        { "create", 0 },
        { "attach", 0 },
        { "start", 0 },
        { "wait", 0 },
        { "config", 0 },
        { "inspect", 1 },
        { "archive", 0 },
        { "kill", 1 },
        { "remove", 0 },
        { "remove", 1 },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task The_engine_dying_at_any_call_stops_the_cell_as_engine_lost(string dieAt, long exitCode)
    {
        var engine = new DyingEngine(dieAt, exitCode);
        var lifecycle = new ContainerLifecycle(engine);
        var spec = new ContainerSpec { Image = "probe", Labels = new Dictionary<string, string>() };

        var ex = await Assert.ThrowsAsync<EngineUnavailableException>(() => lifecycle.RunAsync(
            spec, TimeSpan.FromSeconds(30), (id, ct) => engine.GetArchiveAsync(id, "/work/artifacts", ct), requireReadyLine: true, CancellationToken.None));

        Assert.Contains("cannot reach the container engine", ex.Message, StringComparison.Ordinal);
        Assert.Contains(dieAt, engine.Calls);
        if (dieAt != "create")
        {
            // Whatever died, removing the container was tried (a dead engine is swept by the next command).
            Assert.Contains("remove", engine.Calls);
        }
    }

    [Fact]
    public async Task A_healthy_engine_gives_a_sample_so_the_fake_is_not_what_fails()
    {
        var engine = new DyingEngine(dieAt: "never", exitCode: 0);

        var run = await new ContainerLifecycle(engine).RunAsync(
            new ContainerSpec { Image = "probe", Labels = new Dictionary<string, string>() }, TimeSpan.FromSeconds(30), null, requireReadyLine: true, CancellationToken.None);

        Assert.Null(run.Failure);
        Assert.NotNull(run.Timings);
        Assert.Equal(["create", "attach", "start", "wait", "config", "remove"], engine.Calls);
    }

    public static TheoryData<string> Refusable => new() { "create", "attach", "start", "config" };

    /// <summary>
    /// dockerd stopping can answer a call in flight with an error (CI: a create refused with "Stat …-init/merged/etc")
    /// and close its socket right after: that refusal is the engine's loss, not the workload's failure.
    /// </summary>
    [Theory]
    [MemberData(nameof(Refusable))]
    public async Task A_refusal_from_an_engine_that_then_stops_answering_is_engine_loss(string refuseAt)
    {
        var engine = new DyingEngine(dieAt: "ping", exitCode: 0, refuseAt: refuseAt);

        var ex = await Assert.ThrowsAsync<EngineUnavailableException>(() => new ContainerLifecycle(engine).RunAsync(
            new ContainerSpec { Image = "probe", Labels = new Dictionary<string, string>() }, TimeSpan.FromSeconds(30), null, requireReadyLine: true, CancellationToken.None));

        Assert.Contains("cannot reach the container engine", ex.Message, StringComparison.Ordinal);
        // The container a refused call left is still killed and removed; a refused create left none.
        string[] order = ["create", "attach", "start", "wait", "config"];
        string[] upToRefusal = [.. order.Take(Array.IndexOf(order, refuseAt) + 1), "ping"];
        Assert.Equal(refuseAt == "create" ? upToRefusal : [.. upToRefusal, "kill", "remove"], engine.Calls);
    }

    [Theory]
    [MemberData(nameof(Refusable))]
    public async Task A_refusal_from_an_engine_that_still_answers_is_the_samples_failure(string refuseAt)
    {
        var engine = new DyingEngine(dieAt: "never", exitCode: 0, refuseAt: refuseAt);

        var run = await new ContainerLifecycle(engine).RunAsync(
            new ContainerSpec { Image = "probe", Labels = new Dictionary<string, string>() }, TimeSpan.FromSeconds(30), null, requireReadyLine: true, CancellationToken.None);

        Assert.Equal($"engine refused to {refuseAt}: Stat /var/lib/docker/overlay2/x-init/merged/etc", run.Failure);
        Assert.Null(run.Timings);
        Assert.Contains("ping", engine.Calls);
        Assert.Equal(refuseAt != "create", engine.Calls.Contains("remove"));
    }

    [Fact]
    public async Task A_held_probe_refused_by_an_engine_that_then_stops_answering_is_engine_loss()
    {
        var refused = new DyingEngine(dieAt: "ping", exitCode: 0, refuseAt: "create");
        await Assert.ThrowsAsync<EngineUnavailableException>(() => HeldCage.InContainerAsync(
            refused, new ContainerSpec { Image = "probe", Labels = new Dictionary<string, string>() }, TimeSpan.FromSeconds(30), CancellationToken.None));

        var answering = new DyingEngine(dieAt: "never", exitCode: 0, refuseAt: "create");
        var start = await HeldCage.InContainerAsync(
            answering, new ContainerSpec { Image = "probe", Labels = new Dictionary<string, string>() }, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal("engine refused to create: Stat /var/lib/docker/overlay2/x-init/merged/etc", start.Failure);
        Assert.Equal(["create", "ping"], answering.Calls);
    }

    /// <summary>
    /// A container that writes the probe's two lines and exits with the given code; the call named <paramref name="dieAt"/>
    /// throws as a dead engine does, the one named <paramref name="refuseAt"/> as an engine refusing the request.
    /// </summary>
    private sealed class DyingEngine(string dieAt, long exitCode, string? refuseAt = null) : IContainerEngine
    {
        public List<string> Calls { get; } = [];

        public string Endpoint => "unix:///fake.sock";

        private void Call(string name)
        {
            Calls.Add(name);
            if (name == refuseAt)
            {
                throw new EngineRequestException($"engine refused to {name}: Stat /var/lib/docker/overlay2/x-init/merged/etc", 500);
            }

            if (name == dieAt)
            {
                throw new EngineUnavailableException($"cannot reach the container engine at {Endpoint} (connection refused): start it");
            }
        }

        public Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken)
        {
            Call("create");
            return Task.FromResult("0123456789abcdef");
        }

        public Task<IContainerOutput> AttachAsync(string containerId, CancellationToken cancellationToken)
        {
            Call("attach");
            return Task.FromResult<IContainerOutput>(new Output("ISOBENCH-READY\n{}\n"));
        }

        public Task<int> PublishedPortAsync(string containerId, int containerPort, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task StartAsync(string containerId, CancellationToken cancellationToken)
        {
            Call("start");
            return Task.CompletedTask;
        }

        public Task<long> WaitAsync(string containerId, CancellationToken cancellationToken)
        {
            Call("wait");
            return Task.FromResult(exitCode);
        }

        /// <summary>The engine's record of the container: what was asked (the spec's default lock-down), so only dying fails.</summary>
        public Task<ContainerConfigFacts> InspectConfigAsync(string containerId, CancellationToken cancellationToken)
        {
            Call("config");
            var asked = ContainerLimits.LockedDown;
            return Task.FromResult(new ContainerConfigFacts
            {
                MemoryBytes = asked.MemoryBytes ?? 0,
                PidsLimit = asked.PidsLimit,
                CapDrop = ["ALL"],
                SecurityOpt = ["no-new-privileges"],
            });
        }

        public Task<ContainerStateFacts> InspectStateAsync(string containerId, CancellationToken cancellationToken)
        {
            Call("inspect");
            return Task.FromResult(new ContainerStateFacts("exited", exitCode, false, string.Empty));
        }

        public Task KillAsync(string containerId, CancellationToken cancellationToken)
        {
            Call("kill");
            return Task.CompletedTask;
        }

        public Task RemoveAsync(string containerId, CancellationToken cancellationToken)
        {
            Call("remove");
            return Task.CompletedTask;
        }

        public Task<Stream> GetArchiveAsync(string containerId, string path, CancellationToken cancellationToken)
        {
            Call("archive");
            return Task.FromResult<Stream>(new MemoryStream());
        }

        public Task PingAsync(CancellationToken cancellationToken)
        {
            Call("ping");
            return Task.CompletedTask;
        }

        public Task<EngineFacts> GetFactsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ImageFacts?> InspectImageAsync(string reference, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string> BuildImageAsync(ImageBuildRequest request, Stream contextTar, IProgress<string>? progress, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task WatchContainerEventsAsync(string labelKey, string labelValue, DateTimeOffset since, Action<ContainerEvent> onEvent, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(string labelKey, string? labelValue, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class Output(string text) : IContainerOutput
    {
        private readonly MemoryStream _data = new(Encoding.UTF8.GetBytes(text));

        public async Task<OutputChunk?> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            var n = await _data.ReadAsync(buffer, cancellationToken);
            return n == 0 ? null : new OutputChunk(n, false);
        }

        public void Dispose() => _data.Dispose();
    }
}
