using IsolationBench.Harness.Hosting;

namespace IsolationBench.Harness.Tests.Unit;

public sealed class MeasuringProcessTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    [InlineData("garbage", true)]
    public void RuntimeConfigDecidesWhenNoVariableIsSet(string? configured, bool expected) =>
        Assert.Equal(expected, MeasuringProcess.TieredCompilation(Env(), configured));

    [Fact]
    public void EnvironmentOverridesRuntimeConfigAndDotnetOverridesComplus()
    {
        Assert.True(MeasuringProcess.TieredCompilation(Env(("DOTNET_TieredCompilation", "1")), "false"));
        Assert.False(MeasuringProcess.TieredCompilation(Env(("COMPlus_TieredCompilation", "0")), "true"));
        Assert.True(MeasuringProcess.TieredCompilation(Env(("DOTNET_TieredCompilation", "1"), ("COMPlus_TieredCompilation", "0")), "false"));
        // An unparsable value is ignored by the runtime; the next source decides.
        Assert.False(MeasuringProcess.TieredCompilation(Env(("DOTNET_TieredCompilation", "yes")), "false"));
    }

    [Fact]
    public void WarnsOnlyWhenTieredCompilationIsOn()
    {
        Assert.Null(MeasuringProcess.Warning(tieredCompilation: false));
        Assert.Contains("DOTNET_TieredCompilation", MeasuringProcess.Warning(tieredCompilation: true), StringComparison.Ordinal);
    }
}
