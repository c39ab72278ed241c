using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Reporting;
using IsolationBench.Results;
using StartupPhases = IsolationBench.Results.StartupPhases;

namespace IsolationBench.Workloads.Startup;

/// <summary>A median of a mode's lifecycle totals, its distribution-free 95 % interval and how many lifecycles.</summary>
public sealed record SplitEstimate(double Median, Interval Ci, int Units);

/// <summary>
/// One mode's startup split: engine-path total = runtime-direct total + engine share, the share being the difference of
/// the two medians with its unpaired bootstrap interval (<see cref="MedianDifference"/>).
/// </summary>
public sealed record StartupSplitRow(string Mode, SplitEstimate EnginePath, SplitEstimate RuntimeDirect, double EngineShare, Interval EngineShareCi)
{
    /// <summary>The engine share as a fraction of the engine path's median total.</summary>
    public double EngineFraction => EngineShare / EnginePath.Median;
}

/// <summary>A sandbox's own start cost with no engine in it: its runtime-direct total over its partner's (runsc over runc).</summary>
public sealed record SandboxCost(string Mode, string Against, double Ratio, Interval Ci, int Units, int AgainstUnits);

/// <summary>Where startup time goes, from a run with both startup and startup-runtime: pure, from the run's samples.</summary>
public sealed record StartupSplitAnalysis(IReadOnlyList<StartupSplitRow> Rows, IReadOnlyList<SandboxCost> Sandbox)
{
    private const int Seed = 20_261_130;

    public bool IsEmpty => Rows.Count == 0 && Sandbox.Count == 0;

    public static StartupSplitAnalysis From(RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var rows = new List<StartupSplitRow>();
        var direct = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var mode in analysis.Modes)
        {
            var d = Totals(analysis, StartupWorkloads.RuntimeDirect, mode);
            if (d.Length == 0)
            {
                continue;
            }

            direct[mode] = d;
            var engine = Totals(analysis, StartupWorkloads.Startup, mode);
            if (engine.Length > 0)
            {
                var (share, ci) = MedianDifference.Of(engine, d, Bootstrap.SeedFor(Seed, mode));
                rows.Add(new StartupSplitRow(mode, Estimate(engine), Estimate(d), share, ci));
            }
        }

        var sandbox = new List<SandboxCost>();
        foreach (var (mode, units) in direct)
        {
            if (BaselineRule.PairPartner(mode, [.. direct.Keys]) is { } partner && direct.TryGetValue(partner, out var against))
            {
                var (ratio, ci) = LogRatioInterval.Of(units, against);
                sandbox.Add(new SandboxCost(mode, partner, ratio, ci, units.Length, against.Length));
            }
        }

        return new StartupSplitAnalysis(rows, sandbox);
    }

    /// <summary>The measured lifecycle totals (one unit each) of a startup workload in a mode; the first-container rows are another metric.</summary>
    internal static double[] Totals(RunAnalysis analysis, string workload, string mode) =>
        ExperimentalUnits.Of(analysis.Samples.Where(s => s.Workload == workload && s.Mode == mode && s.Metric == StartupPhases.Total && RunAnalyzer.IsUsable(s)));

    private static SplitEstimate Estimate(double[] units) => new(Descriptive.Median(units), MedianInterval.Of(units), units.Length);
}
