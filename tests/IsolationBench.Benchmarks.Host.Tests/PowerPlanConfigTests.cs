using BenchmarkDotNet.Environments;
using BenchmarkDotNet.Jobs;
using IsolationBench.Harness.Modes;

namespace IsolationBench.Benchmarks.Host.Tests;

/// <summary>
/// BDN's default switches Windows to High Performance while it runs: the engine-bench would then time its
/// lifecycles under another plan than the harness's rounds around it. Every job keeps the user's plan.
/// </summary>
public sealed class PowerPlanConfigTests
{
    private static readonly Guid? UserPlan = Job.Default.WithPowerPlan(PowerPlan.UserPowerPlan).Environment.PowerPlanMode;

    [Theory]
    [InlineData(EngineBenchProfile.Measure)]
    [InlineData(EngineBenchProfile.Smoke)]
    public void EveryEngineBenchJobKeepsTheUsersPowerPlan(EngineBenchProfile profile)
    {
        var options = new EngineBenchOptions
        {
            Modes = [IsolationMode.Host, IsolationMode.ForRuntime("runc")],
            ProbeImage = "isolationbench/probe:test",
            ProbeBinary = "/probe",
            ArtifactsDir = Path.GetTempPath(),
            RunId = "power-plan",
            Profile = profile,
        };

        var jobs = EngineBenchConfig.Create(options).GetJobs().ToList();

        Assert.NotEmpty(jobs);
        Assert.All(jobs, job =>
        {
            Assert.True(job.Environment.HasValue(EnvironmentMode.PowerPlanModeCharacteristic), job.Id);
            Assert.Equal(UserPlan, job.Environment.PowerPlanMode);
        });
    }

    [Fact]
    public void TheUserPlanIsNotBdnsDefault() =>
        Assert.NotEqual(UserPlan, Job.Default.Environment.PowerPlanMode);
}
