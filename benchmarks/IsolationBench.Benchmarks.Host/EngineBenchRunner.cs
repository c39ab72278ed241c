using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace IsolationBench.Benchmarks.Host;

/// <summary>Runs <see cref="LifecycleBenchmarks"/> for one set of options; the program and the tests both come through here.</summary>
public static class EngineBenchRunner
{
    public static Summary Run(EngineBenchOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.ArtifactsDir);
        EngineBenchSettings.Set(options);
        return BenchmarkRunner.Run<LifecycleBenchmarks>(EngineBenchConfig.Create(options, logger));
    }

    /// <summary>Why the run failed (one line per problem), empty when every case ran.</summary>
    public static IReadOnlyList<string> Problems(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var problems = new List<string>();
        if (summary.HasCriticalValidationErrors)
        {
            problems.AddRange(summary.ValidationErrors.Where(e => e.IsCritical).Select(e => "validation: " + e.Message));
        }

        problems.AddRange(summary.Reports.Where(r => !r.Success).Select(r => r.BenchmarkCase.DisplayInfo + " failed"));
        if (summary.Reports.Length == 0 && problems.Count == 0)
        {
            problems.Add("no benchmark case ran");
        }

        return problems;
    }
}
