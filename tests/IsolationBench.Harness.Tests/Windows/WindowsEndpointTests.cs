using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Tests.Windows;

public sealed class WindowsEndpointTests
{
    [Fact]
    public void The_named_pipe_is_the_default_on_windows()
    {
        var endpoint = EngineEndpoint.Resolve(null, null, isWindows: true, allowInsecureTcp: false);

        Assert.Equal("npipe://./pipe/docker_engine", endpoint.ToString());
        Assert.True(endpoint.IsNamedPipe);
    }

    [Fact]
    public void Docker_host_overrides_the_named_pipe()
    {
        var endpoint = EngineEndpoint.Resolve(null, "npipe:////./pipe/dockerDesktopWindowsEngine", isWindows: true, allowInsecureTcp: false);

        Assert.True(endpoint.IsNamedPipe);
        Assert.Contains("dockerDesktopWindowsEngine", endpoint.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_named_pipe_connect_timeout_is_at_least_a_second() =>
        Assert.True(EngineEndpoint.NamedPipeConnectTimeout >= TimeSpan.FromSeconds(1), EngineEndpoint.NamedPipeConnectTimeout.ToString());

    [Fact]
    public void Plain_tcp_needs_the_insecure_opt_in_on_windows_too()
    {
        var ex = Assert.Throws<UsageException>(() => EngineEndpoint.Resolve("tcp://127.0.0.1:2375", null, isWindows: true, allowInsecureTcp: false));

        Assert.Contains("--insecure-engine", ex.Message, StringComparison.Ordinal);
    }
}
