using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Tests.Unit;

public sealed class EngineEndpointTests
{
    [Fact]
    public void Defaults_follow_the_platform()
    {
        Assert.Equal("unix:///var/run/docker.sock", EngineEndpoint.Resolve(null, null, isWindows: false, false).ToString());
        Assert.Equal("npipe://./pipe/docker_engine", EngineEndpoint.Resolve(null, "", isWindows: true, false).ToString());
        Assert.True(EngineEndpoint.NamedPipeConnectTimeout >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Explicit_option_beats_DOCKER_HOST()
    {
        Assert.Equal("unix:///run/other.sock", EngineEndpoint.Resolve("unix:///run/other.sock", "unix:///var/run/docker.sock", false, false).ToString());
        Assert.Equal("unix:///run/env.sock", EngineEndpoint.Resolve(null, "unix:///run/env.sock", false, false).ToString());
    }

    [Theory]
    [InlineData("garbage", "is not valid")]
    [InlineData("ftp://host", "is not valid")]
    [InlineData("unix://", "names no socket path")]
    [InlineData("tcp://10.0.0.5:2375", "plain TCP")]
    public void Bad_endpoints_are_one_line_usage_errors(string endpoint, string expected)
    {
        var ex = Assert.Throws<UsageException>(() => EngineEndpoint.Resolve(null, endpoint, false, false));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("(DOCKER_HOST)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Plain_tcp_needs_the_insecure_switch()
    {
        Assert.True(EngineEndpoint.Resolve("tcp://127.0.0.1:2375", null, false, allowInsecureTcp: true).IsTcp);
    }
}
