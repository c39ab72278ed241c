using IsolationBench.Workloads.Density;

namespace IsolationBench.Harness.Tests.Unit.Density;

/// <summary>Which processes a container costs the host, on a process table shaped like runc's and runsc's here.</summary>
public sealed class RuntimeProcessesTests
{
    private const string Runc = "aaaa1111";
    private const string Runsc = "bbbb2222";
    private const string Other = "cccc3333";

    private static readonly HostProcess[] Table =
    [
        new(1, 0, "/sbin/init"),
        new(500, 1, "dockerd"),
        new(600, 1, $"/usr/bin/containerd-shim-runc-v2 -namespace moby -id {Runc} -address /run/containerd.sock"),
        new(601, 600, "/isobench-probe --hold"),
        new(700, 1, $"/usr/bin/containerd-shim-runc-v2 -namespace moby -id {Runsc} -address /run/containerd.sock"),
        new(701, 700, "runsc-gofer --root=/var/run/docker/runtime-runsc gofer"),
        new(702, 700, "runsc-sandbox --root=/var/run/docker/runtime-runsc boot"),
        new(703, 702, "runsc-sandbox --root=/var/run/docker/runtime-runsc boot (sentry child)"),
        new(800, 1, $"/usr/bin/containerd-shim-runc-v2 -namespace moby -id {Other} -address /run/containerd.sock"),
        new(801, 800, "/isobench-probe --hold"),
        new(900, 1, $"grep -id {Runc}"), // names the id, but is no shim
    ];

    [Fact]
    public void A_runc_container_costs_its_shim_and_its_processes()
    {
        Assert.Equal([600, 601], RuntimeProcesses.Belonging(Table, [601], [Runc]).Order());
    }

    [Fact]
    public void A_gvisor_container_costs_its_shim_and_the_sentry_and_gofer_the_shim_reaped_although_no_cgroup_lists_them()
    {
        Assert.Equal([700, 701, 702, 703], RuntimeProcesses.Belonging(Table, [], [Runsc]).Order());
    }

    [Fact]
    public void Another_containers_shim_and_a_process_naming_the_id_are_not_counted()
    {
        var belonging = RuntimeProcesses.Belonging(Table, [601], [Runc, Runsc]);

        Assert.DoesNotContain(800, belonging);
        Assert.DoesNotContain(801, belonging);
        Assert.DoesNotContain(900, belonging);
        Assert.Equal(6, belonging.Count);
    }

    [Fact]
    public void A_parent_loop_in_a_torn_read_of_proc_ends()
    {
        HostProcess[] looped = [new(10, 11, $"containerd-shim -id {Runc}"), new(11, 10, "child")];

        Assert.Equal([10, 11], RuntimeProcesses.Belonging(looped, [], [Runc]).Order());
    }
}
