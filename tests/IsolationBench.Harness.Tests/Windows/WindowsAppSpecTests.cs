using IsolationBench.Workloads.App;
using System.Text.Json.Nodes;
using IsolationBench.AppLoad;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Windows;

/// <summary>
/// The app cell's container as a recorded Windows daemon receives it: for process and hyperv the client path is the
/// published port (a Windows engine registers no runtime without a network), on the nat network with the service port
/// bound to 127.0.0.1 only, the asked isolation, and none of the Linux-only fields.
/// </summary>
public sealed class WindowsAppSpecTests
{
    private const string Image = "isolationbench/guest:test-windows";

    public static TheoryData<string, string> Cells => new()
    {
        { RecordedWindowsHost.Server2022, "process" },
        { RecordedWindowsHost.Server2022, "hyperv" },
        { RecordedWindowsHost.Server2025, "process" },
        { RecordedWindowsHost.Windows11Of24H2, "hyperv" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task The_app_container_asks_for_nat_its_isolation_and_the_service_port_on_loopback(string host, string isolation)
    {
        await using var fake = new FakeWindowsEngine(RecordedWindowsHost.Load(host));
        fake.AddImage(Image);
        await using var engine = await DockerEngine.ConnectAsync(EngineEndpoint.Resolve(fake.Endpoint, null, isWindows: true, allowInsecureTcp: true), TimeSpan.FromSeconds(30), CancellationToken.None);
        var facts = await engine.GetFactsAsync(CancellationToken.None);
        var mode = IsolationMode.ForWindowsIsolation(isolation);
        var context = new RunContext("run-w", new RunDirectory(Path.GetTempPath()), Labels.ForRun("run-w"));
        var path = AppRoute.For(mode, facts);

        var spec = AppExecutor.Spec(Image, new MatrixCell(1, false, AppMetrics.Workload, mode), context, path, windows: true, LoadPlan.For("quick"));
        var id = await engine.CreateContainerAsync(spec, CancellationToken.None);
        await engine.RemoveAsync(id, CancellationToken.None);

        Assert.Equal(AppClientPath.PublishedPort, path);
        var body = Assert.Single(fake.Creates).Body!;
        var hostConfig = body["HostConfig"]!;
        Assert.Equal("nat", hostConfig["NetworkMode"]!.GetValue<string>());
        Assert.Equal(isolation, hostConfig["Isolation"]!.GetValue<string>());
        var binding = Assert.Single(hostConfig["PortBindings"]!["8080/tcp"]!.AsArray())!;
        Assert.Equal("127.0.0.1", binding["HostIp"]!.GetValue<string>());
        Assert.NotNull(body["ExposedPorts"]!["8080/tcp"]);
        Assert.Equal(["serve-app", "--port", "8080"], body["Cmd"]!.AsArray().Select(n => n!.GetValue<string>()));
        foreach (var linuxOnly in (string[])["Runtime", "CapDrop", "SecurityOpt"])
        {
            Assert.True(hostConfig[linuxOnly] is null || hostConfig[linuxOnly] is JsonValue { } v && v.GetValueKind() == System.Text.Json.JsonValueKind.Null, $"{linuxOnly} sent to Windows: {hostConfig[linuxOnly]?.ToJsonString()}");
        }

        Assert.Equal(0, fake.LiveContainers);
    }
}
