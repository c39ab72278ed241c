using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using IsolationBench.Benchmarks.Guest.Benchmarks;

namespace IsolationBench.Benchmarks.Guest.Fio;

/// <summary>One part of a category's BenchmarkDotNet run, and the refereed operation it measures (null: none).</summary>
public sealed record RunPart(BenchmarkRunInfo Run, IoOperation? Refereed);

/// <summary>
/// Splits our io run so that each operation fio referees is a run of its own, with fio's job beside each of its
/// iterations (<see cref="FioInterleave"/>);
/// the cases in between stay together, in BenchmarkDotNet's order. Pure.
/// </summary>
public static class RefereedRuns
{
    /// <summary>The refereed operation <paramref name="benchmark"/> measures: one of <see cref="IoOperations.Refereed"/> on the layer target.</summary>
    public static IoOperation? Of(BenchmarkCase benchmark)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        var target = benchmark.Parameters.Items.FirstOrDefault(p => p.Name == nameof(IoBenchmarks.Target))?.Value as string;
        var method = benchmark.Descriptor.WorkloadMethod.Name;
        return target == IoTargets.Layer && benchmark.Descriptor.Type == typeof(IoBenchmarks)
            ? IoOperations.Refereed.FirstOrDefault(o => o.Benchmark == method)
            : null;
    }

    /// <summary>The same run with <paramref name="iterations"/> measured iterations per case (an interleaved operation's pairs).</summary>
    public static BenchmarkRunInfo WithIterations(BenchmarkRunInfo run, int iterations)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        return new BenchmarkRunInfo(
            [.. run.BenchmarksCases.Select(c => BenchmarkCase.Create(c.Descriptor, c.Job.WithIterationCount(iterations), c.Parameters, c.Config))],
            run.Type,
            run.Config);
    }

    public static IReadOnlyList<RunPart> Split(BenchmarkRunInfo run) =>
        [.. Split(run, Of).Select(p => new RunPart(p.Run, p.Refereed))];

    /// <summary>
    /// Splits <paramref name="run"/> so that each case <paramref name="refereed"/> names (non-null) is a run of its own, the
    /// cases in between together, in BenchmarkDotNet's order: what any referee (fio, iperf3) needs beside its case.
    /// </summary>
    public static IReadOnlyList<(BenchmarkRunInfo Run, T? Refereed)> Split<T>(BenchmarkRunInfo run, Func<BenchmarkCase, T?> refereed)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(refereed);
        var parts = new List<(BenchmarkRunInfo, T?)>();
        var between = new List<BenchmarkCase>();
        foreach (var benchmark in run.BenchmarksCases)
        {
            if (refereed(benchmark) is not { } what)
            {
                between.Add(benchmark);
                continue;
            }

            Flush();
            parts.Add((new BenchmarkRunInfo([benchmark], run.Type, run.Config), what));
        }

        Flush();
        return parts;

        void Flush()
        {
            if (between.Count > 0)
            {
                parts.Add((new BenchmarkRunInfo([.. between], run.Type, run.Config), null));
                between.Clear();
            }
        }
    }
}
