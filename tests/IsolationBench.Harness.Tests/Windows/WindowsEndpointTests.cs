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

    [Theory]
    [InlineData("npipe:////./pipe/docker_engine", "npipe://./pipe/docker_engine")]
    [InlineData("npipe:////./pipe/dockerDesktopWindowsEngine", "npipe://./pipe/dockerDesktopWindowsEngine")]
    [InlineData("npipe://./pipe/docker_engine", "npipe://./pipe/docker_engine")]
    [InlineData(@"npipe:\\.\pipe\docker_engine", "npipe://./pipe/docker_engine")]
    public void The_clis_four_slash_form_is_normalised_to_server_pipe_name(string dockerHost, string expected)
    {
        var endpoint = EngineEndpoint.Resolve(null, dockerHost, isWindows: true, allowInsecureTcp: false);

        Assert.Equal(expected, endpoint.ToString());
        // The shape the named-pipe transport reads: server in the host, then exactly "pipe/" and the pipe's name.
        Assert.Equal(".", endpoint.Uri.Host);
        Assert.Equal(3, endpoint.Uri.Segments.Length);
        Assert.Equal("pipe/", endpoint.Uri.Segments[1]);
    }

    [Theory]
    [InlineData("npipe://./docker_engine")]
    [InlineData("npipe:////./pipe/")]
    [InlineData("npipe://")]
    [InlineData("npipe:////./pipe/a/b")]
    public void A_named_pipe_without_server_pipe_name_is_a_one_line_usage_error(string dockerHost)
    {
        var ex = Assert.Throws<UsageException>(() => EngineEndpoint.Resolve(null, dockerHost, isWindows: true, allowInsecureTcp: false));

        Assert.DoesNotContain('\n', ex.Message);
        Assert.Contains("npipe://./pipe/docker_engine", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_pipe_that_cannot_be_reached_is_a_one_line_engine_error()
    {
        var endpoint = EngineEndpoint.Resolve(null, "npipe:////./pipe/isobench_no_such_pipe", isWindows: true, allowInsecureTcp: false);

        var ex = await Assert.ThrowsAsync<EngineUnavailableException>(() => DockerEngine.ConnectAsync(endpoint, TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.DoesNotContain('\n', ex.Message);
        Assert.Contains("npipe://./pipe/isobench_no_such_pipe", ex.Message, StringComparison.Ordinal);
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
