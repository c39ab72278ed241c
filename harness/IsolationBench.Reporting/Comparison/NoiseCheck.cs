using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Comparison;

/// <summary>
/// The CPU control of one run: median(mode)/median(host) of every `cpu` metric must lie in [0.95, 1.05]
/// (<see cref="CpuControl"/>'s bounds); otherwise the host was noisy during that run. Pure.
/// </summary>
public static class NoiseCheck
{
    /// <param name="samples">the run's samples.</param>
    /// <param name="baseline">the mode every ratio divides by.</param>
    /// <param name="workloads">the workloads' report parts (which of them is the host-noise control).</param>
    public static IReadOnlyList<string> Reasons(IReadOnlyList<Sample> samples, IReadOnlyList<Workloads.WorkloadReport> workloads, string baseline = ReportOptions.DefaultBaseline)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(workloads);
        var controls = workloads.Where(w => w.IsHostNoiseControl).Select(w => w.Workload).ToList();
        var cpu = samples.Where(s => controls.Contains(s.Workload) && RunAnalyzer.IsUsable(s)).ToList();
        var reasons = new List<string>();
        foreach (var metric in cpu.Select(s => s.Metric).Distinct(StringComparer.Ordinal))
        {
            var baseValues = cpu.Where(s => s.Metric == metric && s.Mode == baseline).Select(s => s.Value).ToList();
            if (baseValues.Count == 0)
            {
                continue;
            }

            var baseMedian = Descriptive.Median(baseValues);
            foreach (var mode in cpu.Where(s => s.Metric == metric && s.Mode != baseline).Select(s => s.Mode).Distinct(StringComparer.Ordinal))
            {
                var ratio = Descriptive.Median(cpu.Where(s => s.Metric == metric && s.Mode == mode).Select(s => s.Value).ToList()) / baseMedian;
                if (ratio is < CpuControl.Low or > CpuControl.High)
                {
                    reasons.Add(FormattableString.Invariant(
                        $"CPU control {metric} ratio {mode}/{baseline} is {Fmt.Factor(ratio)} (expected {CpuControl.Low:0.00}–{CpuControl.High:0.00})"));
                }
            }
        }

        return reasons;
    }
}
