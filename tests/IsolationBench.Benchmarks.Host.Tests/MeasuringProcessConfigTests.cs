using System.Text.Json;
using IsolationBench.Harness.Hosting;

namespace IsolationBench.Benchmarks.Host.Tests;

/// <summary>BDN's in-process toolchain runs under this program's runtime settings: the same quiet JIT as isobench's sampler.</summary>
public sealed class MeasuringProcessConfigTests
{
    [Fact]
    public void EngineBenchShipsWithTieredCompilationOffLikeTheHarness()
    {
        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "isobench-engine-bench.runtimeconfig.json")));
        using (config)
        {
            var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
            Assert.False(properties.GetProperty(MeasuringProcess.ConfigProperty).GetBoolean());
        }
    }
}
