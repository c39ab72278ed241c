using IsolationBench.Harness.Hosting;

namespace IsolationBench.Harness.Tests.Windows;

/// <summary>What a whole run against a recorded Windows daemon writes into manifest.json about the host.</summary>
public sealed class WindowsRunManifestTests
{
    [Fact]
    public async Task The_manifest_records_the_power_plan_every_mode_ran_under()
    {
        using var repo = new PrebuiltRepository();
        await using var engine = new FakeWindowsEngine(RecordedWindowsHost.Load(RecordedWindowsHost.Server2022));

        var summary = await new RunSession(repo.Layout, new Progress<string>(), null).RunAsync(
            new RunOptions
            {
                Modes = "process",
                Workloads = "startup",
                Samples = 1,
                Warmup = 0,
                Output = repo.Output,
                Engine = engine.Endpoint,
                InsecureEngine = true,
                AllowMismatch = true,
                RunId = "win-power-" + Guid.NewGuid().ToString("N")[..8],
            },
            CancellationToken.None);

        var manifest = summary.Directory.ReadManifest();
        Assert.Equal(await PowerPlan.ReadAsync(CancellationToken.None), manifest.Host.PowerPlan);
    }
}
