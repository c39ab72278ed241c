using IsolationBench.Harness.Hosting;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Resources;

namespace IsolationBench.Harness.Tests.Unit;

public sealed class ResourceOptionsTests
{
    [Theory]
    [InlineData("2g", 2L << 30)]
    [InlineData("2GiB", 2L << 30)]
    [InlineData("512m", 512L << 20)]
    [InlineData("1.5g", 3L << 29)]
    [InlineData("1073741824", 1L << 30)]
    public void Memory_sizes_parse_as_binary_units(string text, long bytes) => Assert.Equal(bytes, MemorySize.TryParse(text));

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("-1g")]
    [InlineData("2,5g")]
    public void Bad_memory_sizes_are_refused(string text) => Assert.Null(MemorySize.TryParse(text));

    [Fact]
    public void Out_of_range_resources_are_a_one_line_usage_error()
    {
        var cpus = Assert.Throws<UsageException>(() => new RunOptions { Cpus = Environment.ProcessorCount + 1 }.Validate());
        var memory = Assert.Throws<UsageException>(() => new RunOptions { MemoryBytes = 1 << 20 }.Validate());

        Assert.StartsWith("--cpus ", cpus.Message, StringComparison.Ordinal);
        Assert.StartsWith("--memory 1 MiB is too small", memory.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_resources_are_recorded_and_a_resume_repeats_them()
    {
        var options = new RunOptions { Cpus = 1, MemoryBytes = 1L << 30 };
        var recorded = options.ToDictionary(["host"], ["startup"]);

        var resumed = RunOptions.ForResume("dir", recorded, new Dictionary<string, string?>());
        var old = RunOptions.ForResume("dir", recorded.Where(kv => kv.Key is not ("cpus" or "memory")).ToDictionary(), new Dictionary<string, string?>());

        Assert.Equal(new ResourceRequest(1, 1L << 30), resumed.Resources);
        Assert.Equal(ResourceRequest.Default, old.Resources);
        Assert.Throws<UsageException>(() => RunOptions.ForResume("dir", recorded, new Dictionary<string, string?> { ["--cpus"] = "2" }));
    }

    [Fact]
    public void Cpuset_and_affinity_name_the_first_n_cpus()
    {
        Assert.Equal("0", new ResourceRequest(1, 0).CpusetList);
        Assert.Equal("0-3", new ResourceRequest(4, 0).CpusetList);
        Assert.Equal(0b1111UL, new ResourceRequest(4, 0).AffinityMask);
    }

    [Fact]
    public void The_job_object_limits_affinity_and_job_memory_and_ends_with_the_run()
    {
        var plan = JobObjectPlan.For(new ResourceRequest(2, 1L << 30));

        Assert.Equal(0b11UL, plan.Affinity);
        Assert.Equal(1UL << 30, plan.JobMemoryLimit);
        Assert.Equal(JobObjectPlan.LimitAffinity | JobObjectPlan.LimitJobMemory | JobObjectPlan.LimitKillOnJobClose, plan.Flags);
    }

    [Fact]
    public void Host_processes_start_with_the_images_environment_not_the_operators()
    {
        var operatorShell = new Dictionary<string, string?>
        {
            ["PATH"] = "/usr/bin:/bin",
            ["HOME"] = "/root",
            ["DOTNET_TieredPGO"] = "0",
            ["DOTNET_gcServer"] = "1",
            ["COMPlus_TieredCompilation"] = "0",
            ["LANG"] = "de_DE.UTF-8",
        };

        var minimal = MinimalEnvironment.For(operatorShell, windows: false);

        Assert.Equal(["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "HOME", "PATH"], minimal.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("1", minimal["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"]);
    }

    [Fact]
    public void The_v2_cgroup_join_wraps_the_command_without_changing_its_arguments()
    {
        var info = new System.Diagnostics.ProcessStartInfo("/opt/isobench-guest");
        info.ArgumentList.Add("--category");
        info.ArgumentList.Add("cpu io");

        CgroupLimits.Wrap(info, "/sys/fs/cgroup/isolationbench/r1/cgroup.procs");

        Assert.Equal("/bin/sh", info.FileName);
        Assert.Equal(["-c", "echo $$ > \"$0\" && exec \"$@\"", "/sys/fs/cgroup/isolationbench/r1/cgroup.procs", "/opt/isobench-guest", "--category", "cpu io"], info.ArgumentList);
    }

    [Fact]
    public void A_sweep_leaves_the_cgroup_of_a_live_run_alone_even_when_it_holds_no_process()
    {
        // Two runs at once (parallel test assemblies did this): between host cells a live run's cgroup is empty, and
        // removing it made the live run's next host cell fail with "Could not find a part of the path …/tasks".
        var mine = CgroupLimits.OwnedName("20261130-host-only");
        Assert.StartsWith(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-", mine, StringComparison.Ordinal);
        Assert.True(CgroupLimits.OwnerAlive(mine, pid => pid == Environment.ProcessId));
        Assert.False(CgroupLimits.OwnerAlive("999999-old-run", pid => pid == Environment.ProcessId));
        Assert.False(CgroupLimits.OwnerAlive("host-only", _ => true));
    }

    [Fact]
    public void The_spawner_thread_goes_back_to_the_cgroups_it_came_from_so_the_runs_cgroups_can_be_removed()
    {
        // CI failed once with the run's cgroup still present: the exiting thread left it only after Join returned.
        string[] lines = ["4:memory:/process_api/d53a", "3:cpuset:/", "2:cpuacct,cpu:/"];
        string[] runs = ["/sys/fs/cgroup/cpuset/isolationbench/7-r1", "/sys/fs/cgroup/memory/isolationbench/7-r1", "/sys/fs/cgroup/cpu/isolationbench/7-r1", "/sys/fs/cgroup/pids/isolationbench/7-r1"];

        var origins = Spawner.Origins(runs, lines);

        Assert.Equal(["/sys/fs/cgroup/cpuset", "/sys/fs/cgroup/memory/process_api/d53a", "/sys/fs/cgroup/cpu", "/sys/fs/cgroup/pids"], origins);
    }

    [Theory]
    [InlineData("--platform=ptrace", "ptrace")]
    [InlineData("--platform systrap", "systrap")]
    [InlineData("--network=none", null)]
    public void The_gvisor_platform_note_comes_from_the_registered_arguments(string arguments, string? platform) =>
        Assert.Equal(platform, RuntimeNotes.Platform(arguments.Split(' ')));
}
