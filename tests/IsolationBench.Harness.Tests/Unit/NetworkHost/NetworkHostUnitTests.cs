using IsolationBench.Workloads.NetworkHost;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Workloads;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Unit.NetworkHost;

/// <summary>The host↔container workload: which modes it skips and why, its container's network, the server's protocol lines, and its place in the plan.</summary>
public sealed class NetworkHostUnitTests
{
    private static readonly IsolationMode Runc = IsolationMode.ForRuntime("runc");
    private static readonly IsolationMode Runsc = IsolationMode.ForRuntime("runsc");

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

    [Theory]
    [InlineData("--network=none")]
    [InlineData("--platform=ptrace", "--network", "none")]
    public void A_runtime_registered_with_network_none_is_skipped_with_the_reason_read_from_its_registration(params string[] arguments)
    {
        var reason = NetworkHostSupport.Skip(Runsc, Facts(arguments));

        Assert.NotNull(reason);
        Assert.StartsWith("runtime runsc is registered with the engine with --network=none (/usr/local/bin/runsc ", reason, StringComparison.Ordinal);
        Assert.Null(NetworkHostSupport.Skip(Runc, Facts(arguments)));
        Assert.Null(NetworkHostSupport.Skip(IsolationMode.Host, Facts(arguments)));
    }

    [Fact]
    public void The_name_alone_skips_nothing_a_runsc_with_a_network_runs()
    {
        Assert.Null(NetworkHostSupport.Skip(Runsc, Facts("--platform=ptrace", "--network=sandbox")));
        Assert.Null(NetworkHostSupport.Skip(Runsc, null));
    }

    [Fact]
    public void The_catalog_lists_the_skipped_cells_of_network_host_only()
    {
        var skipped = IsolationBench.Workloads.WorkloadModules.Registry.Skipped(["network", "network-host"], [IsolationMode.Host, Runc, Runsc], Facts("--network=none"));

        var cell = Assert.Single(skipped);
        Assert.Equal(("network-host", "runsc"), (cell.Workload, cell.Mode));
        Assert.False(IsolationBench.Workloads.WorkloadModules.Registry.Get("network-host").ByDefault);
        Assert.NotNull(IsolationBench.Workloads.WorkloadModules.Registry.Get("network-host").Supports(IsolationMode.ForWindowsIsolation("process"), new SupportFacts("windows", "windows")));
        Assert.Null(IsolationBench.Workloads.WorkloadModules.Registry.Get("network-host").Supports(Runsc, new SupportFacts("linux", "linux")));
    }

    [Fact]
    public void Its_containers_and_only_they_get_a_network_and_publish_the_server_port_on_loopback()
    {
        var context = new RunContext("run-1", new RunDirectory(Path.GetTempPath()), Labels.ForRun("run-1"));
        var cell = new MatrixCell(2, false, "network-host", Runc);

        var spec = NetworkHostExecutor.Spec("sha256:guest", cell, context);

        Assert.Equal("default", spec.NetworkMode);
        Assert.Equal([NetworkHostExecutor.ContainerPort], spec.PublishedPorts);
        Assert.Equal(["serve", "--port", "7070"], spec.Command);
        Assert.Equal("runc", spec.Runtime);
        Assert.True(spec.Limits.DropAllCapabilities);
        Assert.Equal("network-host", spec.Labels[Labels.Workload]);
        Assert.Equal(["serve", "--port", "0", "--bind", "127.0.0.1"], NetworkHostExecutor.ServerArguments(inContainer: false));
        // Every other container keeps the default: no network, nothing published.
        var other = new ContainerSpec { Image = "x", Labels = new Dictionary<string, string>() };
        Assert.Equal(("none", 0), (other.NetworkMode, other.PublishedPorts.Count));
    }

    [Fact]
    public void The_server_s_lines_give_its_port_and_fingerprint_or_say_what_is_wrong()
    {
        var fingerprint = IsolationBench.Fingerprint.FingerprintJson.Serialize(IsolationBench.Fingerprint.FingerprintCollector.Collect());

        var (port, seen, problem) = ServerOutput.Parse($"ISOBENCH-READY port=40123\n{fingerprint}\n");

        Assert.Equal((40123, null), (port, problem));
        Assert.NotNull(seen);
        Assert.Equal("the server's first line was not \"ISOBENCH-READY port=N\"", ServerOutput.Parse("ISOBENCH-READY\n{}\n").Problem);
        Assert.Equal("the server wrote no fingerprint line", ServerOutput.Parse("ISOBENCH-READY port=1\n").Problem);
        Assert.NotNull(ServerOutput.Parse("ISOBENCH-READY port=70000\n{}\n").Problem);
    }

    [Fact]
    public void Its_rounds_come_after_the_guest_rounds_balanced_over_the_modes_it_runs_in()
    {
        var plan = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, [IsolationMode.Host, Runc, Runsc], ["network", "network-host"], 0, 0, guestRounds: 3, (w, m) => w == "network-host" && m.Name == "runsc");

        var own = plan.Where(c => c.Workload == "network-host").ToList();
        Assert.Equal(6, own.Count);
        Assert.DoesNotContain(own, c => c.Mode.Name == "runsc");
        Assert.Equal(9, plan.Count(c => c.Workload == "network"));
        Assert.True(plan.ToList().FindIndex(c => c.Workload == "network-host") > plan.ToList().FindLastIndex(c => c.Workload == "network"));
        Assert.All(own, c => Assert.Equal(string.Empty, c.Batch));
        Assert.Equal(["host", "runc", "runc", "host", "host", "runc"], own.Select(c => c.Mode.Name));
        Assert.Equal(3, MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, [IsolationMode.Host, Runsc], ["network-host"], 0, 0, 3).Count(c => c.Mode.Name == "runsc"));
    }

    [Fact]
    public void Client_plans_time_several_iterations_per_container_after_warmups()
    {
        Assert.All(new[] { "smoke", "quick", "default", "thorough" }.Select(ClientPlan.For), p =>
        {
            Assert.True(p.Iterations >= 2);
            Assert.True(p.Warmups >= 1);
        });
        Assert.Equal(5, ClientPlan.For("quick").Iterations);
    }
}
