using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Modes;

namespace IsolationBench.Harness.Tests.Unit;

public sealed class SelectionTests
{
    /// <summary>The engine of this machine as /info describes it (Debian's Docker 20.10 with crun registered).</summary>
    internal static readonly EngineFacts LinuxEngine = new()
    {
        Version = "20.10.24+dfsg1",
        ApiVersion = "1.41",
        OsType = "linux",
        OperatingSystem = "Debian GNU/Linux 12 (bookworm)",
        KernelVersion = "6.1.0",
        DefaultRuntime = "runc",
        Runtimes = ["crun", "io.containerd.runc.v2", "io.containerd.runtime.v1.linux", "runc"],
    };

    [Fact]
    public void Linux_catalog_offers_host_and_every_runtime_but_not_the_shim_aliases()
    {
        var catalog = ModeCatalog.From(LinuxEngine);

        Assert.Equal(["host", "crun", "runc"], catalog.Available.Select(m => m.Name));
        Assert.Equal(KernelBoundary.None, catalog.Find("host")!.Boundary);
        Assert.Equal("crun", catalog.Find("crun")!.Runtime);
        Assert.Null(catalog.Find("crun")!.Isolation);
        Assert.Contains("install-runsc.sh", catalog.Unavailable["runsc"], StringComparison.Ordinal);
        Assert.Contains("Windows", catalog.Unavailable["hyperv"], StringComparison.Ordinal);
    }

    [Fact]
    public void Runsc_is_a_user_space_kernel_and_gets_a_generous_timeout()
    {
        var runsc = IsolationMode.ForRuntime("runsc");

        Assert.Equal(KernelBoundary.UserSpaceKernel, runsc.Boundary);
        Assert.True(runsc.ContainerTimeout > IsolationMode.ForRuntime("runc").ContainerTimeout);
        Assert.Equal(KernelBoundary.VirtualMachine, IsolationMode.ForRuntime("kata-qemu").Boundary);
    }

    [Fact]
    public void Without_an_engine_only_host_is_offered()
    {
        var catalog = ModeCatalog.From(null, "connection refused");

        Assert.Equal(["host"], catalog.Available.Select(m => m.Name));
        Assert.Contains("connection refused", catalog.Unavailable["runc"], StringComparison.Ordinal);
    }

    [Fact]
    public void No_list_means_every_available_mode()
    {
        Assert.Equal(3, Selection.Modes(null, ModeCatalog.From(LinuxEngine)).Count);
    }

    [Fact]
    public void The_order_given_is_kept()
    {
        var modes = Selection.Modes("runc, host", ModeCatalog.From(LinuxEngine));

        Assert.Equal(["runc", "host"], modes.Select(m => m.Name));
    }

    [Theory]
    [InlineData("host,bogus", "unknown mode 'bogus': this host offers host, crun, runc")]
    [InlineData("runsc", "unknown mode 'runsc': this host offers host, crun, runc (runsc: gVisor is not registered with the engine: sudo tools/install-runsc.sh)")]
    [InlineData("host,runc,host", "--modes names 'host' twice: list each once")]
    [InlineData("", "--modes has an empty entry in '': give a comma-separated list such as host,crun,runc")]
    [InlineData("host,,runc", "--modes has an empty entry in 'host,,runc': give a comma-separated list such as host,crun,runc")]
    public void Bad_mode_lists_are_one_line_usage_errors(string list, string message)
    {
        var ex = Assert.Throws<UsageException>(() => Selection.Modes(list, ModeCatalog.From(LinuxEngine)));

        Assert.Equal(message, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Theory]
    [InlineData("startup,gpu", "unknown workload 'gpu': choose from startup, startup-runtime, syscall, io, cpu, memory, network, network-host, app, density")]
    [InlineData("io,io", "--workloads names 'io' twice: list each once")]
    public void Bad_workload_lists_are_usage_errors(string list, string message)
    {
        Assert.Equal(message, Assert.Throws<UsageException>(() => IsolationBench.Workloads.WorkloadModules.Registry.Parse(list)).Message);
    }

    [Fact]
    public void Workloads_default_to_every_workload()
    {
        Assert.Equal(["startup", "syscall", "io", "cpu", "memory", "network"], IsolationBench.Workloads.WorkloadModules.Registry.Parse(null));
    }
}
