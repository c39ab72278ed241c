using IsolationBench.Workloads.App;
using IsolationBench.AppLoad;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Workloads;
using IsolationBench.Results;
using IsolationBench.Results.Workloads;

namespace IsolationBench.Harness.Tests.Unit.App;

/// <summary>Where the app's client runs in each mode, what its containers get, and its registration in the catalogs.</summary>
public sealed class AppRouteAndSpecTests
{
    private static readonly IsolationMode Runc = IsolationMode.ForRuntime("runc");
    private static readonly IsolationMode Runsc = IsolationMode.ForRuntime("runsc");
    private static readonly LoadPlan Quick = LoadPlan.For("quick");

    private static EngineFacts Facts(params string[] runscArguments) => new()
    {
        Version = "20.10.24",
        ApiVersion = "1.41",
        OsType = "linux",
        OperatingSystem = "Debian GNU/Linux 12",
        KernelVersion = "6.1.0",
        Runtimes = ["runc", "runsc"],
        RuntimeRegistrations = new Dictionary<string, RuntimeRegistration>
        {
            ["runc"] = new("runc", [], string.Empty),
            ["runsc"] = new("/usr/local/bin/runsc", runscArguments, string.Empty),
        },
    };

    private static RunContext Context => new("run-1", new RunDirectory(Path.GetTempPath()), Labels.ForRun("run-1"));

    [Fact]
    public void A_mode_without_a_network_gets_the_client_inside_the_container_and_the_others_the_client_on_the_host()
    {
        Assert.Equal(AppClientPath.HostLoopback, AppRoute.For(IsolationMode.Host, Facts("--network=none")));
        Assert.Equal(AppClientPath.PublishedPort, AppRoute.For(Runc, Facts("--network=none")));
        Assert.Equal(AppClientPath.InContainer, AppRoute.For(Runsc, Facts("--network=none")));
        Assert.Equal(AppClientPath.InContainer, AppRoute.For(Runsc, Facts("--network", "none")));
        // The registration decides, not the name: a runsc with a network is measured from the host.
        Assert.Equal(AppClientPath.PublishedPort, AppRoute.For(Runsc, Facts("--network=sandbox")));
        Assert.Equal(AppClientPath.PublishedPort, AppRoute.For(Runsc, null));
    }

    [Fact]
    public void The_host_client_path_publishes_the_service_port_on_the_engine_network_and_the_in_container_path_has_no_network()
    {
        var published = AppExecutor.Spec("sha256:guest", new MatrixCell(1, false, "app", Runc), Context, AppClientPath.PublishedPort, windows: false, Quick);
        var inside = AppExecutor.Spec("sha256:guest", new MatrixCell(1, false, "app", Runsc), Context, AppClientPath.InContainer, windows: false, Quick);

        Assert.Equal("default", published.NetworkMode);
        Assert.Equal([AppExecutor.ContainerPort], published.PublishedPorts);
        Assert.Equal(["serve-app", "--port", "8080"], published.Command);
        Assert.Equal(("none", 0), (inside.NetworkMode, inside.PublishedPorts.Count));
        Assert.Equal(["app-client", "--duration", "3", "--concurrency", "8"], inside.Command);
        Assert.Equal("runsc", inside.Runtime);
        Assert.All((ContainerSpec[])[published, inside], s => Assert.True(s.Limits.DropAllCapabilities));
        Assert.Equal("app", published.Labels[Labels.Workload]);
        Assert.Equal(["serve-app", "--port", "0", "--bind", "127.0.0.1"], AppExecutor.Command(AppClientPath.HostLoopback, Quick));
    }

    [Theory]
    [InlineData("process")]
    [InlineData("hyperv")]
    public void A_windows_container_gets_the_nat_network_its_isolation_and_the_published_port(string isolation)
    {
        var mode = IsolationMode.ForWindowsIsolation(isolation);
        var spec = AppExecutor.Spec("sha256:guest", new MatrixCell(1, false, "app", mode), Context, AppRoute.For(mode, null), windows: true, Quick);

        Assert.Equal(("nat", isolation, (string?)null), (spec.NetworkMode, spec.Isolation, spec.Runtime));
        Assert.Equal([AppExecutor.ContainerPort], spec.PublishedPorts);
        Assert.Equal(["serve-app", "--port", "8080"], spec.Command);
    }

    [Fact]
    public void The_load_follows_the_profile()
    {
        Assert.Equal(new LoadPlan(8, TimeSpan.FromSeconds(3)), LoadPlan.For("quick"));
        Assert.Equal(new LoadPlan(8, TimeSpan.FromSeconds(10)), LoadPlan.For("default"));
        Assert.Equal(TimeSpan.FromSeconds(10), LoadPlan.For("thorough").Duration);
    }

    [Fact]
    public void The_descriptor_declares_every_metric_once_with_its_direction_and_the_catalogs_agree()
    {
        var descriptor = IsolationBench.Workloads.App.AppModule.Workload;

        Assert.Equal("app", descriptor.Name);
        Assert.Same(descriptor, IsolationBench.Workloads.WorkloadModules.Descriptor("app"));
        Assert.Contains(descriptor.HeadlineMetric, descriptor.Metrics.Select(m => m.Id));
        Assert.Equal(descriptor.Metrics.Count, descriptor.Metrics.Select(m => m.Id).Distinct().Count());
        Assert.All(AppMetrics.Phases.Append(AppMetrics.ColdStartTotal), p => Assert.Contains(p, descriptor.Metrics.Select(m => m.Id)));
        Assert.True(descriptor.Metrics.Single(m => m.Id == AppMetrics.Throughput).HigherIsBetter);
        Assert.All(descriptor.Metrics.Where(m => m.Id != AppMetrics.Throughput), m => Assert.False(m.HigherIsBetter, m.Id));
        Assert.Equal(["linux", "windows"], descriptor.SupportedOs);
        Assert.Same(descriptor, IsolationBench.Workloads.WorkloadModules.Registry.Get("app").Descriptor);
        Assert.False(IsolationBench.Workloads.WorkloadModules.Registry.Get("app").ByDefault);
        Assert.Null(IsolationBench.Workloads.WorkloadModules.Registry.Get("app").Skips);
        Assert.NotNull(IsolationBench.Workloads.WorkloadModules.Registry.Get("app").NeedsEngineHost); // refused with a remote engine: its client reaches 127.0.0.1 here
        Assert.Empty(IsolationBench.Workloads.WorkloadModules.Registry.Skipped(["app"], [IsolationMode.Host, Runc, Runsc], Facts("--network=none")));
        Assert.Null(IsolationBench.Workloads.WorkloadModules.Registry.Get("app").Supports(IsolationMode.ForWindowsIsolation("hyperv"), new SupportFacts("windows", "windows")));
    }
}
