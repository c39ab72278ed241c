using System.Text.Json;
using IsolationBench.Harness.Hosting;

namespace IsolationBench.Cli.Tests;

/// <summary>
/// The processes that time containers ship with tiered compilation off, so that no background re-JIT competes
/// with the lifecycles they measure (the reason and the figures are in IsolationBench.Cli.csproj).
/// </summary>
public sealed class MeasuringProcessConfigTests
{
    [Fact]
    public void IsobenchShipsWithTieredCompilationOff()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "isobench.runtimeconfig.json");
        Assert.True(File.Exists(path), $"{path} is missing: the test project must reference IsolationBench.Cli");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var value = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty(MeasuringProcess.ConfigProperty);
        Assert.False(value.GetBoolean());
    }
}
