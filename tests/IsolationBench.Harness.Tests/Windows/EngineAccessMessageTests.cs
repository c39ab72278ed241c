using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Tests.Windows;

/// <summary>The one-line "engine not reachable" message: a refused pipe is an elevation problem, not a stopped service.</summary>
public sealed class EngineAccessMessageTests
{
    private const string Pipe = "npipe://./pipe/docker_engine";

    [Fact]
    public void Access_denied_on_the_pipe_says_run_elevated_or_add_a_group_not_start_service()
    {
        var message = DockerEngine.UnreachableMessage(Pipe, new UnauthorizedAccessException("Access to the path is denied."));

        Assert.Contains("run elevated", message, StringComparison.Ordinal);
        Assert.Contains("daemon.json (\"group\":", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Start-Service", message, StringComparison.Ordinal);
        Assert.Contains(Pipe, message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void A_pipe_that_is_not_there_still_says_start_the_service()
    {
        var message = DockerEngine.UnreachableMessage(Pipe, new TimeoutException("The operation has timed out."));

        Assert.Contains("Start-Service docker", message, StringComparison.Ordinal);
        Assert.DoesNotContain("run elevated", message, StringComparison.Ordinal);
    }
}
