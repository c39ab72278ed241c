using System.Collections.Immutable;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace IsolationBench.Benchmarks.Host;

/// <summary>
/// BDN's default orderer groups cases by their arguments whenever a method is the baseline, so
/// Container("runc") would find no baseline and show Ratio "?". One logical group per job puts
/// <see cref="LifecycleBenchmarks.Host"/> beside every container mode: Ratio and the statistical test then compare
/// each mode with host. Everything else is the default orderer's (its GetLogicalGroupKey is not overridable).
/// </summary>
public sealed class SingleGroupOrderer : IOrderer
{
    public static readonly SingleGroupOrderer Default = new();

    private readonly IOrderer _inner = DefaultOrderer.Instance;

    public bool SeparateLogicalGroups => _inner.SeparateLogicalGroups;

    public string GetLogicalGroupKey(ImmutableArray<BenchmarkCase> allBenchmarksCases, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        return benchmarkCase.Job.DisplayInfo;
    }

    public IEnumerable<BenchmarkCase> GetExecutionOrder(ImmutableArray<BenchmarkCase> benchmarksCase, IEnumerable<BenchmarkLogicalGroupRule>? order = null) =>
        _inner.GetExecutionOrder(benchmarksCase, order);

    // Declared order within the one group: host (the baseline) first, then the modes as the harness passed them.
    public IEnumerable<BenchmarkCase> GetSummaryOrder(ImmutableArray<BenchmarkCase> benchmarksCases, Summary summary) =>
        benchmarksCases.OrderByDescending(b => b.Descriptor.Baseline);

    public string? GetHighlightGroupKey(BenchmarkCase benchmarkCase) => _inner.GetHighlightGroupKey(benchmarkCase);

    public IEnumerable<IGrouping<string, BenchmarkCase>> GetLogicalGroupOrder(IEnumerable<IGrouping<string, BenchmarkCase>> logicalGroups, IEnumerable<BenchmarkLogicalGroupRule>? order = null) =>
        _inner.GetLogicalGroupOrder(logicalGroups, order);
}
