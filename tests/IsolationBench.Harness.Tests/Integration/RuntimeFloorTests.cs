using IsolationBench.Workloads.Startup.RuntimeDirect;
using System.Diagnostics;
using System.Globalization;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Tests.Unit.RuntimeDirect;
using IsolationBench.Results;
using Xunit.Abstractions;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>
/// The floor check of issue 18: the harness's runtime-direct runc total beside `runc run` of the same bundle timed
/// from the shell (benchmarks/runtime-floor.sh), and beside the harness's own method run from the shell (--split:
/// create, start, wait, delete). Prints the medians and their ratio; asserts only that both ran
/// and that every lifecycle passed (timings are machine facts, not test verdicts).
/// </summary>
[Collection(RealEngineCollection.Name)]
public sealed class RuntimeFloorTests(RealEngine real, ITestOutputHelper output)
{
    private const int Runs = 30;

    [SkippableFact]
    public async Task Harness_runc_total_and_the_shells_runc_run_are_both_measured()
    {
        var engine = real.Require();
        real.RequireRuntime("runc");
        var probe = new ContainerSpec
        {
            Image = await ProbeImage.EnsureAsync(engine),
            Labels = Labels.ForRun("it-runtime-floor"),
            Limits = FloorConfigTests.FloorLimits,
        };
        using var temp = new TempRoot();
        var totals = new List<double>();
        var phases = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        await using (var direct = await RuntimeDirectRun.OpenAsync(engine, probe, "it-floor", real.Facts!, temp.Path, CancellationToken.None))
        {
            for (var i = 0; i < Runs + 3; i++)
            {
                var run = await direct.RunAsync("runc", TimeSpan.FromSeconds(30), CancellationToken.None);
                Assert.True(run.Ok, run.Failure);
                if (i < 3)
                {
                    continue;
                }

                foreach (var (phase, ms) in run.Timings!.ContainerPhaseDurations())
                {
                    (phases.TryGetValue(phase, out var list) ? list : phases[phase] = []).Add(ms);
                }
            }

            // The other runtimes on the same bundle, for the report's per-runtime medians (fewer: runsc is slow).
            foreach (var other in new[] { "crun", "runsc" }.Where(r => real.Facts!.Runtimes.Contains(r)))
            {
                var others = new List<double>();
                for (var i = 0; i < 12; i++)
                {
                    var run = await direct.RunAsync(other, TimeSpan.FromSeconds(60), CancellationToken.None);
                    Assert.True(run.Ok, run.Failure);
                    if (i >= 2)
                    {
                        others.Add(run.Timings!.ContainerPhaseDurations()[^1].Milliseconds);
                    }
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"harness runtime-direct {other} total: median {Median(others):0.0} ms over {others.Count}"));
            }
        }

        totals.AddRange(phases[StartupPhases.Total]);
        var shell = await RunScriptAsync(split: false);
        var shellSplit = await RunScriptAsync(split: true);
        var harness = Median(totals);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"harness runtime-direct runc total: median {harness:0.0} ms over {Runs}"));
        foreach (var (phase, values) in phases)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {phase}: median {Median(values):0.00} ms"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"shell runc run: median {shell:0.0} ms over {Runs}; ratio harness/shell {harness / shell:0.00} (goal <= 1.10)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"shell runc create/start/wait/delete (--split): median {shellSplit:0.0} ms over {Runs}; ratio harness/split {harness / shellSplit:0.00}"));
        Assert.Equal(Runs, totals.Count);
        Assert.True(shell > 0 && shellSplit > 0);
    }

    private static async Task<double> RunScriptAsync(bool split)
    {
        var script = Path.Combine(RealEngine.Layout.Root, "benchmarks", "runtime-floor.sh");
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])[script, "--runs", Runs.ToString(CultureInfo.InvariantCulture), .. split ? ["--split"] : Array.Empty<string>()])
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await stderr);
        var last = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.StartsWith("median_ms=", last, StringComparison.Ordinal);
        return double.Parse(last["median_ms=".Length..last.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }
}
