using Xunit;
using System.Net;
using IsolationBench.Benchmarks.Guest.App;

namespace IsolationBench.Benchmarks.Guest.Tests;

/// <summary>The command lines of serve-app and app-client: what they accept, and a bad one is exit 2 with the usage line, nothing started.</summary>
public sealed class AppModesTests
{
    [Fact]
    public void Serve_app_takes_a_port_an_address_and_a_deadline()
    {
        Assert.Equal((new IPEndPoint(IPAddress.Any, 8080), AppService.DefaultDeadline), AppService.Parse(["--port", "8080"]));
        Assert.Equal((new IPEndPoint(IPAddress.Loopback, 0), TimeSpan.FromSeconds(30)), AppService.Parse(["--port", "0", "--bind", "127.0.0.1", "--deadline", "30"]));
        Assert.Null(AppService.Parse([]));
        Assert.Null(AppService.Parse(["--port"]));
        Assert.Null(AppService.Parse(["--port", "70000"]));
        Assert.Null(AppService.Parse(["--port", "1", "--bind", "nowhere"]));
        Assert.Null(AppService.Parse(["--port", "1", "--deadline", "0"]));
    }

    [Fact]
    public void App_client_takes_a_duration_and_a_concurrency()
    {
        Assert.Equal(new IsolationBench.AppLoad.LoadPlan(8, TimeSpan.FromSeconds(3)), AppClientMode.Parse(["--duration", "3"]));
        Assert.Equal(new IsolationBench.AppLoad.LoadPlan(2, TimeSpan.FromSeconds(0.5)), AppClientMode.Parse(["--duration", "0.5", "--concurrency", "2"]));
        Assert.Null(AppClientMode.Parse([]));
        Assert.Null(AppClientMode.Parse(["--duration", "-1"]));
        Assert.Null(AppClientMode.Parse(["--duration", "1", "--concurrency", "0"]));
        Assert.Null(AppClientMode.Parse(["--duration", "1,5"]));
    }

    [Fact]
    public async Task A_bad_command_line_is_exit_2_with_the_usage_line()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.Equal(2, await AppService.RunAsync(["--port", "x"], stdout, stderr));
        Assert.Equal(2, await AppClientMode.RunAsync(["--concurrency", "4"], stdout, stderr));

        Assert.Empty(stdout.ToString());
        Assert.Contains(AppService.Usage, stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains(AppClientMode.Usage, stderr.ToString(), StringComparison.Ordinal);
    }
}
