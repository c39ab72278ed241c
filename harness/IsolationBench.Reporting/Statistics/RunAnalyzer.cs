using IsolationBench.Results;

namespace IsolationBench.Reporting.Statistics;

/// <summary>Samples + manifest + fingerprints → <see cref="RunAnalysis"/>. Pure: reads nothing, writes nothing.</summary>
public static class RunAnalyzer
{
    /// <summary>An ok sample with a finite value; an "ok" NaN is a writer bug and is counted as failed, never averaged.</summary>
    public static bool IsUsable(Sample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return sample.IsOk && double.IsFinite(sample.Value);
    }

    public static RunAnalysis Analyze(
        RunManifest manifest,
        IReadOnlyList<Sample> samples,
        IReadOnlyList<FingerprintRecord> fingerprints,
        ReportOptions options,
        string samplesPath)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(fingerprints);
        ArgumentNullException.ThrowIfNull(options);

        var present = OrderModes(manifest, samples.Select(s => s.Mode).Distinct(StringComparer.Ordinal));
        var baseline = options.Baseline ?? manifest.Baseline ?? BaselineRule.Choose(present);
        if (baseline is null || !present.Contains(baseline, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"baseline mode '{baseline}' has no samples in {samplesPath}; modes present: "
                + (present.Count == 0 ? "(none)" : string.Join(", ", present))
                + ". Pick one with --baseline MODE.");
        }

        var excluded = Unverified(manifest, fingerprints).Where(e => present.Contains(e.Mode, StringComparer.Ordinal)).ToList();
        if (excluded.FirstOrDefault(e => e.Mode == baseline) is { } badBaseline)
        {
            throw new ArgumentException(
                $"baseline mode '{baseline}' failed isolation verification ({badBaseline.Reason}); its numbers cannot anchor ratios. "
                + "Pick another with --baseline MODE: " + string.Join(", ", present.Where(m => excluded.All(e => e.Mode != m))) + ".");
        }

        var modes = present.Where(m => excluded.All(e => e.Mode != m)).ToList();
        modes.Remove(baseline);
        modes.Insert(0, baseline);
        var kept = samples.Where(s => modes.Contains(s.Mode, StringComparer.Ordinal)).ToList();
        bool HostLike(string mode) => manifest.Modes.FirstOrDefault(m => m.Name == mode) is { } d ? d.Kind == "host" : mode == "host";

        var directions = MetricDirections.Of(manifest);
        var workloads = OrderWorkloads(manifest, kept, options.Workloads);
        var rows = new List<MetricRow>();
        foreach (var workload in workloads)
        {
            var ofWorkload = kept.Where(s => s.Workload == workload).ToList();
            var part = Workloads.WorkloadReports.Find(options.Workloads, workload);
            // A mode's first container is one lifecycle, not a series: the first-vs-warm table shows it, no ratio row does.
            foreach (var metric in OrderMetrics(part, ofWorkload).Where(m => !Results.Workloads.FirstContainer.IsFirst(m)))
            {
                var ofMetric = ofWorkload.Where(s => s.Metric == metric).ToList();
                var unit = ofMetric.FirstOrDefault(s => s.Mode == baseline)?.Unit ?? ofMetric[0].Unit;
                var series = new MetricSeries(workload, metric, unit, directions.HigherIsBetter(workload, metric, unit), part);
                rows.AddRange(AnalyzeMetric(series, modes, baseline, ofMetric, HostLike));
            }
        }

        return new RunAnalysis(manifest, baseline, modes, excluded, workloads, rows, kept)
        {
            Parts = options.Workloads,
        };
    }

    private static List<MetricRow> AnalyzeMetric(
        MetricSeries series, IReadOnlyList<string> modes, string baseline, List<Sample> samples, Func<string, bool> hostLike)
    {
        var (workload, metric, unit, higherIsBetter, part) = series;
        var lifecycles = part?.UnitIsLifecycle ?? false;
        var units = modes.ToDictionary(m => m, m => ExperimentalUnits.Of(samples.Where(s => s.Mode == m && IsUsable(s))), StringComparer.Ordinal);
        string? NotComparable(string mode, string other) => part?.NotComparable?.Invoke(metric, mode, other, hostLike);

        BaselineComparison? Against(string mode, string other) =>
            units[other].Length > 0 && units[mode].Length > 0 && NotComparable(mode, other) is null
                ? Comparisons.Compare(units[mode], units[other], other, higherIsBetter, lifecycles)
                : null;

        var rows = new List<MetricRow>();
        foreach (var mode in modes)
        {
            var ofMode = samples.Where(s => s.Mode == mode).ToList();
            if (ofMode.Count == 0)
            {
                continue;
            }

            var values = ofMode.Where(IsUsable).Select(s => s.Value).ToArray();
            var u = units[mode];
            var stats = new SeriesStatistics(
                values.Length,
                ofMode.Count - values.Length,
                u.Length,
                Descriptive.Median(u),
                Descriptive.Mean(values),
                Descriptive.StandardDeviation(values),
                MedianInterval.Of(u));

            var isBaseline = mode == baseline;
            var partner = BaselineRule.PairPartner(mode, modes);
            var noRatio = isBaseline ? null : NotComparable(mode, baseline);
            // A row that says "no ratio" carries none, even where both modes have figures to divide.
            rows.Add(new MetricRow(workload, metric, unit, mode, baseline, stats, isBaseline || noRatio is not null ? null : Against(mode, baseline))
            {
                HigherIsBetter = higherIsBetter,
                NoRatio = noRatio,
                Pair = partner is null || partner == baseline || isBaseline ? null : Against(mode, partner),
            });
        }

        return rows;
    }

    /// <summary>Modes whose fingerprints contradict the mode asked, from the manifest's verdict or any fingerprint line.</summary>
    public static IReadOnlyList<ExcludedMode> Unverified(RunManifest manifest, IReadOnlyList<FingerprintRecord> fingerprints)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(fingerprints);
        var result = new List<ExcludedMode>();
        foreach (var (mode, verification) in manifest.Verification.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!verification.Verified)
            {
                result.Add(new ExcludedMode(mode, string.IsNullOrWhiteSpace(verification.Reason) ? "manifest: not verified" : verification.Reason));
            }
        }

        foreach (var group in fingerprints.Where(f => !f.Verified).GroupBy(f => f.Mode, StringComparer.Ordinal))
        {
            if (result.All(e => e.Mode != group.Key))
            {
                var first = group.First();
                result.Add(new ExcludedMode(
                    group.Key,
                    FormattableString.Invariant($"{group.Select(f => f.Source).Distinct(StringComparer.Ordinal).Count()} container(s) failed fingerprint verification, e.g. {first.Source}: {first.Reason}")));
            }
        }

        return result;
    }

    private static List<string> OrderModes(RunManifest manifest, IEnumerable<string> present)
    {
        var set = present.ToList();
        var ordered = manifest.Modes.Select(m => m.Name).Where(set.Contains).Distinct().ToList();
        ordered.AddRange(set.Where(m => !ordered.Contains(m)));
        return ordered;
    }

    private static List<string> OrderWorkloads(RunManifest manifest, List<Sample> samples, IReadOnlyList<Workloads.WorkloadReport> parts)
    {
        var present = samples.Select(s => s.Workload).Distinct().ToList();
        var ordered = new List<string>();
        ordered.AddRange(parts.Where(p => p.LeadsTheReport && present.Contains(p.Workload)).Select(p => p.Workload));

        ordered.AddRange(manifest.Workloads.Where(w => present.Contains(w) && !ordered.Contains(w)));
        ordered.AddRange(present.Where(w => !ordered.Contains(w)));
        return ordered;
    }

    private static List<string> OrderMetrics(Workloads.WorkloadReport? part, List<Sample> samples)
    {
        var present = samples.Select(s => s.Metric).Distinct().ToList();
        if (part is null || part.MetricOrder.Count == 0)
        {
            return present;
        }

        // The workload's own order first (startup: headline, then phases in the order they happen), then the rest.
        var ordered = part.MetricOrder.Where(present.Contains).ToList();
        ordered.AddRange(present.Where(m => !ordered.Contains(m)));
        return ordered;
    }

    private sealed record MetricSeries(string Workload, string Metric, string Unit, bool HigherIsBetter, Workloads.WorkloadReport? Part);
}
