using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Environments;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Perfolizer.Mathematics.OutlierDetection;
using Xunit;

namespace IsolationBench.Benchmarks.Guest.Tests;

public sealed class GuestConfigTests
{
    [Theory]
    [InlineData(GuestProfile.Quick, 1, 3, 50)]
    [InlineData(GuestProfile.Default, 1, 3, 100)]
    [InlineData(GuestProfile.Thorough, 3, 5, 250)]
    public void ComputeCategoriesUseFixedCountsAndIterationTime(GuestProfile profile, int warmups, int iterations, int iterationMs)
    {
        foreach (var category in new[] { GuestCategories.Syscall, GuestCategories.Cpu, GuestCategories.Memory })
        {
            var job = GuestConfig.CreateJob(profile, category);

            Assert.IsType<InProcessEmitToolchain>(job.Infrastructure.Toolchain);
            Assert.Equal(1, job.Run.LaunchCount);
            Assert.Equal(warmups, job.Run.WarmupCount);
            Assert.Equal(iterations, job.Run.IterationCount);
            Assert.Equal(TimeInterval.FromMilliseconds(iterationMs), job.Run.IterationTime);
            Assert.False(job.Run.HasValue(BenchmarkDotNet.Jobs.RunMode.RunStrategyCharacteristic)); // BDN's default: Throughput
        }
    }

    [Theory]
    [InlineData(GuestProfile.Smoke)]
    [InlineData(GuestProfile.Quick)]
    [InlineData(GuestProfile.Default)]
    [InlineData(GuestProfile.Thorough)]
    public void EveryJobKeepsEveryIteration(GuestProfile profile)
    {
        foreach (var category in new[] { GuestCategories.Syscall, GuestCategories.Io, GuestCategories.Cpu, GuestCategories.Memory })
        {
            Assert.Equal(OutlierMode.DontRemove, GuestConfig.CreateJob(profile, category).Accuracy.OutlierMode);
        }
    }

    [Theory]
    [InlineData(GuestProfile.Smoke, 0, 1)]
    [InlineData(GuestProfile.Quick, 1, 1)]
    [InlineData(GuestProfile.Default, 1, 1)]
    [InlineData(GuestProfile.Thorough, 1, 3)]
    public void IoIsOneInvocationPerIteration(GuestProfile profile, int warmups, int iterations)
    {
        var job = GuestConfig.CreateJob(profile, GuestCategories.Io);

        Assert.Equal(RunStrategy.Monitoring, job.Run.RunStrategy);
        Assert.Equal(1, job.Run.InvocationCount);
        Assert.Equal(1, job.Run.UnrollFactor);
        Assert.Equal(warmups, job.Run.WarmupCount);
        Assert.Equal(iterations, job.Run.IterationCount);
    }

    [Fact]
    public void SmokeIsDryLikeAndSkipsTheOptimizationCheck()
    {
        var options = GuestArguments.Parse(["--category", "cpu", "--profile", "smoke", "--artifacts", "/tmp/isobench-test"]);
        var config = GuestConfig.Create(options, GuestCategories.Cpu);
        var job = Assert.Single(config.GetJobs());

        Assert.Equal(RunStrategy.ColdStart, job.Run.RunStrategy);
        Assert.Equal(3, job.Run.IterationCount);
        Assert.True(config.Options.HasFlag(ConfigOptions.DisableOptimizationsValidator));
    }

    [Fact]
    public void ExportsFullJsonIntoTheArtifactsDirectory()
    {
        var options = GuestArguments.Parse(["--category", "cpu", "--profile", "quick", "--artifacts", "/tmp/isobench-test"]);
        var config = GuestConfig.Create(options, GuestCategories.Cpu);

        Assert.Contains(config.GetExporters(), e => ReferenceEquals(e, JsonExporter.Full));
        Assert.Equal("/tmp/isobench-test", config.ArtifactsPath);
        Assert.False(config.Options.HasFlag(ConfigOptions.DisableOptimizationsValidator));
    }

    [Fact]
    public void FilterBecomesAGlobFilter()
    {
        var options = GuestArguments.Parse(["--category", "cpu", "--profile", "quick", "--artifacts", "a", "--filter", "*Mix*"]);

        Assert.NotEmpty(GuestConfig.Create(options, GuestCategories.Cpu).GetFilters());
    }

    /// <summary>BDN would switch the host to High Performance for host-mode cells only (not inside containers):
    /// every job of every profile and category keeps the user's plan, so all modes run under the same one.</summary>
    [Fact]
    public void EveryJobKeepsTheUsersPowerPlan()
    {
        var userPlan = Job.Default.WithPowerPlan(PowerPlan.UserPowerPlan).Environment.PowerPlanMode;
        Assert.NotEqual(userPlan, Job.Default.Environment.PowerPlanMode);
        foreach (var profile in Enum.GetValues<GuestProfile>())
        {
            foreach (var category in GuestCategories.All)
            {
                var options = new GuestOptions([category], profile, "/tmp/isobench-test", "/tmp/isobench-layer", null, null);
                foreach (var platform in Enum.GetValues<GuestPlatform>())
                {
                    var job = Assert.Single(GuestConfig.Create(options, category, platform).GetJobs());
                    Assert.True(job.Environment.HasValue(EnvironmentMode.PowerPlanModeCharacteristic), job.Id);
                    Assert.Equal(userPlan, job.Environment.PowerPlanMode);
                }
            }
        }
    }
}
