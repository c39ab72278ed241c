using IsolationBench.Harness.Hosting;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Windows;

/// <summary>What a whole run against a recorded Windows daemon writes into manifest.json about the host.</summary>
public sealed class WindowsRunManifestTests
{
    [Fact]
    public async Task The_manifest_records_the_power_plan_every_mode_ran_under()
    {
        using var repo = new PrebuiltRepository();
        await using var engine = new FakeWindowsEngine(RecordedWindowsHost.Load(RecordedWindowsHost.Server2022));

        var summary = await new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, repo.Layout, new Progress<string>(), null).RunAsync(
            OneProcessStart(repo, engine, "win-power-"),
            CancellationToken.None);

        var manifest = summary.Directory.ReadManifest();
        Assert.Equal(await PowerPlan.ReadAsync(CancellationToken.None), manifest.Host.PowerPlan);
    }

    [Fact]
    public async Task The_manifest_records_the_running_hypervisor_and_defender_for_the_engine_data_root()
    {
        using var repo = new PrebuiltRepository();
        var host = RecordedWindowsHost.Load(RecordedWindowsHost.Server2022);
        await using var engine = new FakeWindowsEngine(host);
        var queries = new FakeWindowsHostQueries(hypervisorPresent: true, new DefenderState(RealTimeProtection: true, DataRootExcluded: false));

        var summary = await new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, repo.Layout, new Progress<string>(), null, queries).RunAsync(
            OneProcessStart(repo, engine, "win-defender-"),
            CancellationToken.None);

        var manifest = summary.Directory.ReadManifest();
        Assert.True(manifest.Host.HypervisorPresent);
        Assert.Equal(new DefenderState(true, false), manifest.Host.Defender);
        Assert.Equal([host.Info["DockerRootDir"]!.GetValue<string>()], queries.DefenderDataRoots);
        var json = File.ReadAllText(summary.Directory.Manifest);
        Assert.Contains("\"defender\": {", json, StringComparison.Ordinal);
        Assert.Contains("\"data_root_excluded\": false", json, StringComparison.Ordinal);
    }

    /// <summary>The smallest whole run against the recorded daemon: one process-isolated startup sample.</summary>
    private static RunOptions OneProcessStart(PrebuiltRepository repo, FakeWindowsEngine engine, string runIdPrefix) => new()
    {
        Modes = "process",
        Workloads = "startup",
        Samples = 1,
        Warmup = 0,
        Output = repo.Output,
        Engine = engine.Endpoint,
        InsecureEngine = true,
        AllowMismatch = true,
        RunId = runIdPrefix + Guid.NewGuid().ToString("N")[..8],
    };
}
