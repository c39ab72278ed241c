using IsolationBench.Workloads.Startup.RuntimeDirect;
using System.Text.Json.Nodes;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Tests.Unit.RuntimeDirect;

/// <summary>benchmarks/runtime-floor.sh runs a checked-in config.json: it must be the one the harness writes for the probe.</summary>
public sealed class FloorConfigTests
{
    /// <summary>What the floor comparison runs with, on both sides: the probe image, locked down, 1 CPU, 512 MiB.</summary>
    public static readonly ContainerLimits FloorLimits = ContainerLimits.LockedDown with { Cpus = 1, MemoryBytes = 512L * 1024 * 1024 };

    public static string Expected() =>
        OciConfig.Render(new BundleSpec(new ImageProcessConfig(["/isobench-probe"], [], ["PATH=" + OciConfig.DefaultPath], string.Empty, string.Empty), FloorLimits, "isobench-floor"), "/isobench-floor");

    [Fact]
    public void The_floor_scripts_config_is_the_harness_config_for_the_probe()
    {
        var path = Path.Combine(Integration.RealEngine.Layout.Root, "benchmarks", "runtime-floor.config.json");
        if (Environment.GetEnvironmentVariable("ISOBENCH_WRITE_FLOOR_CONFIG") == "1")
        {
            File.WriteAllText(path, Expected() + "\n");
        }

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Expected()), JsonNode.Parse(File.ReadAllText(path))), "benchmarks/runtime-floor.config.json differs from OciConfig's output: regenerate it with ISOBENCH_WRITE_FLOOR_CONFIG=1 and this test");
    }
}
