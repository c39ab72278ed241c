using IsolationBench.Harness.Images;
using IsolationBench.Harness.Tests.Tls;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Windows;

/// <summary>
/// A whole `isobench run` against a recorded Windows daemon reached at an address that is not loopback, as a remote
/// engine is: the containers are verified against the engine host (its /info build, the boot time a process probe
/// saw), not against this Linux test host — so, unlike <see cref="WindowsRunTests"/>, no --allow-mismatch.
/// </summary>
public sealed class RemoteWindowsRunTests
{
    public static TheoryData<string> Hosts => [.. RecordedWindowsHost.WithNanoserverImage];

    [SkippableTheory]
    [MemberData(nameof(Hosts))]
    public async Task Process_and_hyperv_containers_of_a_remote_engine_verify_against_its_host(string name)
    {
        var address = LanAddress.NonLoopback();
        Skip.If(address is null, "this machine has no non-loopback IPv4 address to stand in for a remote engine");
        using var repo = new PrebuiltRepository();
        var recorded = RecordedWindowsHost.Load(name);
        await using var engine = new FakeWindowsEngine(recorded, address);

        var summary = await new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, repo.Layout, new Progress<string>(), null).RunAsync(Options(repo, engine, "process,hyperv"), CancellationToken.None);

        var manifest = summary.Directory.ReadManifest();
        Assert.True(manifest.Engine!.Remote);
        Assert.Equal(recorded.Info["Name"]!.GetValue<string>(), manifest.Engine.Name);
        Assert.Contains(manifest.Notes, n => n.Contains("boot time", StringComparison.Ordinal) && n.Contains("process probe", StringComparison.Ordinal));
        Assert.Equal("process", manifest.Baseline);
        var samples = SampleCsv.Read(summary.Directory.Samples);
        Assert.Equal(["hyperv", "process"], samples.Select(s => s.Mode).Distinct().Order(StringComparer.Ordinal));
        Assert.All(samples, s => Assert.True(s.IsOk, s.Mode + ": " + s.Status));
        // The boot-time probe is one container more than the cells, and it is gone too.
        Assert.Equal(2 * (2 + 1) + 1, engine.Creates.Count);
        Assert.Equal(0, engine.LiveContainers);
    }

    [SkippableFact]
    public async Task A_hyperv_request_that_ran_with_process_isolation_is_caught_on_a_remote_engine_too()
    {
        var address = LanAddress.NonLoopback();
        Skip.If(address is null, "this machine has no non-loopback IPv4 address to stand in for a remote engine");
        using var repo = new PrebuiltRepository();
        await using var engine = new FakeWindowsEngine(RecordedWindowsHost.Load(RecordedWindowsHost.Server2022), address) { AnswerHypervAsProcess = true };

        var summary = await new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, repo.Layout, new Progress<string>(), null).RunAsync(Options(repo, engine, "process,hyperv"), CancellationToken.None);

        Assert.NotNull(summary.Outcome.MismatchReason);
        Assert.Contains("process isolation", summary.Outcome.MismatchReason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Workloads_that_measure_the_engine_host_from_here_are_refused_in_one_line_before_anything_runs()
    {
        var address = LanAddress.NonLoopback();
        Skip.If(address is null, "this machine has no non-loopback IPv4 address to stand in for a remote engine");
        using var repo = new PrebuiltRepository();
        await using var engine = new FakeWindowsEngine(RecordedWindowsHost.Load(RecordedWindowsHost.Server2022), address);

        var ex = await Assert.ThrowsAsync<UsageException>(() => new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, repo.Layout, new Progress<string>(), null).RunAsync(Options(repo, engine, "process") with { Workloads = "startup,density" }, CancellationToken.None));

        Assert.DoesNotContain('\n', ex.Message);
        Assert.Contains("density", ex.Message, StringComparison.Ordinal);
        Assert.Contains("another machine", ex.Message, StringComparison.Ordinal);
        Assert.Empty(engine.Creates);
    }

    private static RunOptions Options(PrebuiltRepository repo, FakeWindowsEngine engine, string modes) => new()
    {
        Modes = modes,
        Workloads = "startup",
        Samples = 2,
        Warmup = 1,
        Output = repo.Output,
        Engine = engine.Endpoint,
        InsecureEngine = true,
        RunId = "remote-" + Guid.NewGuid().ToString("N")[..8],
        MemoryBytes = 2L << 30,
    };
}
