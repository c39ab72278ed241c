using IsolationBench.Harness.Lifecycle;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Tests.Windows;

/// <summary>
/// A hyperv container whose utility VM starts slowly is bounded by the container's (the mode's) deadline, not by
/// the engine's per-call timeout: slow within the deadline is a sample, beyond it a failed sample with its reason,
/// and neither is "engine lost".
/// </summary>
public sealed class SlowStartTests
{
    private const string Image = "isobench-probe:test";

    [Fact]
    public async Task A_start_slower_than_the_per_call_timeout_but_within_the_deadline_is_a_sample()
    {
        await using var fake = new FakeWindowsEngine(RecordedWindowsHost.Load(RecordedWindowsHost.Server2022)) { StartDelay = TimeSpan.FromSeconds(3) };
        fake.AddImage(Image);
        await using var engine = await Connect(fake, callTimeout: TimeSpan.FromSeconds(1));

        var run = await new ContainerLifecycle(engine).RunAsync(Spec(), TimeSpan.FromSeconds(60), null, requireReadyLine: true, CancellationToken.None);

        Assert.Null(run.Failure);
        Assert.NotNull(run.Timings);
        Assert.Equal(0, fake.LiveContainers);
    }

    [Fact]
    public async Task A_start_beyond_the_deadline_is_a_failed_sample_with_its_reason_not_an_engine_loss()
    {
        await using var fake = new FakeWindowsEngine(RecordedWindowsHost.Load(RecordedWindowsHost.Server2022)) { StartDelay = TimeSpan.FromSeconds(10) };
        fake.AddImage(Image);
        await using var engine = await Connect(fake, callTimeout: TimeSpan.FromSeconds(30));

        var run = await new ContainerLifecycle(engine).RunAsync(Spec(), TimeSpan.FromSeconds(3), null, requireReadyLine: true, CancellationToken.None);

        Assert.NotNull(run.Failure);
        Assert.StartsWith("timeout after 3 s", run.Failure, StringComparison.Ordinal);
        Assert.Null(run.Timings);
    }

    private static Task<DockerEngine> Connect(FakeWindowsEngine fake, TimeSpan callTimeout) =>
        DockerEngine.ConnectAsync(EngineEndpoint.Resolve(fake.Endpoint, null, isWindows: true, allowInsecureTcp: true), callTimeout, CancellationToken.None);

    private static ContainerSpec Spec() => new() { Image = Image, Labels = new Dictionary<string, string>(), Isolation = "hyperv" };
}
