namespace IsolationBench.Harness.Tests.Unit;

/// <summary>The container is the guest unit: each profile has its own number of containers; --guest-rounds overrides it.</summary>
public sealed class RunOptionsDefaultsTests
{
    [Theory]
    [InlineData("quick", 3)]
    [InlineData("default", 5)]
    [InlineData("thorough", 10)]
    public void Guest_rounds_default_to_the_profile(string profile, int rounds)
    {
        var options = new RunOptions { Profile = profile };

        Assert.Equal(rounds, options.EffectiveGuestRounds);
        Assert.Equal(rounds.ToString(System.Globalization.CultureInfo.InvariantCulture), options.ToDictionary(["host"], ["cpu"])["guest_rounds"]);
    }

    [Fact]
    public void Guest_rounds_given_override_the_profile()
    {
        Assert.Equal(2, new RunOptions { Profile = "thorough", GuestRounds = 2 }.EffectiveGuestRounds);
    }

    [Fact]
    public void A_first_run_is_quick()
    {
        Assert.Equal("quick", new RunOptions().Profile);
    }

    [Fact]
    public void A_resume_repeats_the_recorded_rounds_not_the_profile_default()
    {
        var recorded = new RunOptions { Profile = "default" }.ToDictionary(["host", "runc"], ["startup", "cpu"]);

        var resumed = RunOptions.ForResume("dir", recorded, new Dictionary<string, string?>());

        Assert.Equal(5, resumed.GuestRounds);
        Assert.Equal(recorded, resumed.ToDictionary(["host", "runc"], ["startup", "cpu"]));
        Assert.Throws<UsageException>(() => RunOptions.ForResume("dir", recorded, new Dictionary<string, string?> { ["--guest-rounds"] = "3" }));
    }

    [Fact]
    public void After_a_quick_run_the_default_profile_command_repeats_its_modes_and_workloads()
    {
        var quick = new RunOptions().ToDictionary(["host", "runc"], ["startup", "io"]);

        Assert.Equal("isobench run --modes host,runc --workloads startup,io --profile default", RunOptions.DefaultProfileCommand(quick, IsolationBench.Workloads.WorkloadModules.Registry));
        Assert.Null(RunOptions.DefaultProfileCommand(new RunOptions { Profile = "default" }.ToDictionary(["host"], ["io"]), IsolationBench.Workloads.WorkloadModules.Registry));
        Assert.Null(RunOptions.DefaultProfileCommand(new RunOptions().ToDictionary(["host"], ["startup"]), IsolationBench.Workloads.WorkloadModules.Registry));
    }
}
