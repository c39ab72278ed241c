using IsolationBench.Harness;
using IsolationBench.Harness.Images;
using IsolationBench.Harness.Modes;
using IsolationBench.Reporting.CrossCheck;
using IsolationBench.Results;

namespace IsolationBench.Benchmarks.Host.Tests;

/// <summary>The benchmarks for real: host and runc, a smoke job, BDN's exports parsed back by the reporter's reader.</summary>
public sealed class LifecycleBenchmarksTests
{
    [SkippableFact]
    [Trait("Requires", "Linux")] // a Linux engine with runc
    public async Task Host_and_runc_run_under_BenchmarkDotNet_and_the_json_gives_a_figure_per_mode_with_ratio()
    {
        await RealEngine.RequireAsync("runc");
        var layout = RepositoryLayout.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("tests must run from inside the repository");
        var root = Directory.CreateTempSubdirectory("isobench-eb-it-").FullName;
        try
        {
            // The harness builds the probe binary and image; a one-sample run is the supported way to get both.
            var run = await new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, layout, new Progress<string>(), null).RunAsync(
                new RunOptions { Modes = "runc", Workloads = "startup", Samples = 1, Warmup = 0, Output = root, RunId = "eb-it-probe" },
                CancellationToken.None);
            Assert.Empty(run.Outcome.Failures);
            var probeImage = run.Directory.ReadManifest().Images.Keys.Single(k => k.StartsWith("isolationbench/probe:", StringComparison.Ordinal));
            var artifacts = Path.Combine(root, "engine-bench");

            var summary = EngineBenchRunner.Run(new EngineBenchOptions
            {
                Modes = [IsolationMode.Host, IsolationMode.ForRuntime("runc")],
                ProbeImage = probeImage,
                ProbeBinary = layout.ProbeBinary(RepositoryLayout.RuntimeIdentifier("linux")),
                ArtifactsDir = artifacts,
                RunId = "eb-it",
                Profile = EngineBenchProfile.Smoke,
            });

            Assert.Empty(EngineBenchRunner.Problems(summary));
            var figures = BdnLifecycleReader.Read(root);
            Assert.NotNull(figures);
            Assert.Equal(["host", "runc"], figures.Select(f => f.Mode));
            Assert.All(figures, f => Assert.True(f.N == 2 && f.Median > 0 && f.Mean > 0, $"{f.Mode}: n={f.N} median={f.Median}"));
            // BDN's Ratio is a mean of (mode / host) over pairs of samples: on two noisy samples even host's own can be far
            // from 1 (CI once saw host 27.68 and runc 14.68), so no order between them holds. What does hold, whatever the
            // noise, is that a mean of such quotients lies between the smallest and the largest quotient of the samples
            // read back: a ratio read for the wrong mode, or from the wrong column, falls outside.
            var host = figures[0];
            Assert.All(figures, f =>
            {
                Assert.NotNull(f.Ratio);
                double low = f.Iterations.Min() / host.Iterations.Max(), high = f.Iterations.Max() / host.Iterations.Min();
                // The CSV prints two decimals.
                Assert.InRange(f.Ratio.Value, (low * 0.99) - 0.01, (high * 1.01) + 0.01);
            });
            Assert.True(figures[1].Median > figures[0].Median, "a container lifecycle takes longer than a host process");
            Assert.True(File.Exists(Path.Combine(artifacts, "results", "IsolationBench.Benchmarks.Host.LifecycleBenchmarks-report.csv")));

            var endpoint = Harness.Engine.EngineEndpoint.Resolve(null, Environment.GetEnvironmentVariable("DOCKER_HOST"), false, false);
            await using var engine = await Harness.Engine.DockerEngine.ConnectAsync(endpoint, TimeSpan.FromSeconds(15), CancellationToken.None);
            Assert.Empty(await engine.ListContainersAsync(Labels.Run, "eb-it", CancellationToken.None));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
