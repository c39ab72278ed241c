using IsolationBench.Harness.Hosting;

namespace IsolationBench.Harness.Tests.Unit;

/// <summary>--cold: refused (one line, what to do) where the page cache cannot be dropped; recorded in the manifest's options only when given.</summary>
public sealed class ColdOptionTests
{
    [Fact]
    public void Cold_is_refused_off_linux_and_without_root_with_what_to_do()
    {
        Assert.Equal(
            "--cold drops Linux's page cache, and this host is not Linux: drop --cold (on Windows, restart the engine service before the run for a cold first container)",
            PageCache.Refusal(isLinux: false, isRoot: true));
        Assert.Equal(
            "--cold drops the page cache through /proc/sys/vm/drop_caches, which needs root: run as root (sudo) or drop --cold",
            PageCache.Refusal(isLinux: true, isRoot: false));
        Assert.Null(PageCache.Refusal(isLinux: true, isRoot: true));
    }

    [Fact]
    public void Cold_without_a_startup_workload_is_refused_and_here_as_root_with_one_it_validates()
    {
        var here = PageCache.RefusalHere();
        var ex = Assert.Throws<UsageException>(() => Validate(new RunOptions { Cold = true, Workloads = "cpu" }));
        Assert.Equal(here ?? "--cold drops the page cache before each startup cell: add startup (or startup-runtime) to --workloads, or drop --cold", ex.Message);

        if (here is null)
        {
            Validate(new RunOptions { Cold = true, Workloads = "startup-runtime" });
        }
        else
        {
            Assert.Equal(here, Assert.Throws<UsageException>(() => Validate(new RunOptions { Cold = true, Workloads = "startup" })).Message);
        }
    }

    /// <summary>What a run checks before anything else: the options alone, then the options that belong to workloads.</summary>
    private static void Validate(RunOptions options)
    {
        options.Validate();
        var registry = IsolationBench.Workloads.WorkloadModules.Registry;
        registry.ValidateOwnedOptions(options, registry.Parse(options.Workloads));
    }

    [Fact]
    public void The_manifest_records_cold_only_when_given_and_a_resume_repeats_it()
    {
        Assert.DoesNotContain("cold", new RunOptions().ToDictionary(["runc"], ["startup"]).Keys);

        var recorded = new RunOptions { Cold = true }.ToDictionary(["runc"], ["startup"]);

        Assert.Equal("true", recorded["cold"]);
        Assert.True(RunOptions.ForResume("dir", recorded, new Dictionary<string, string?>()).Cold);
        Assert.False(RunOptions.ForResume("dir", new RunOptions().ToDictionary(["runc"], ["startup"]), new Dictionary<string, string?>()).Cold);
    }
}
