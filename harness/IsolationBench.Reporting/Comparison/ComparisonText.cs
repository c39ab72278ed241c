using System.Globalization;
using System.Text;
using IsolationBench.Reporting.Output;

namespace IsolationBench.Reporting.Comparison;

/// <summary>The comparison for people: a console table and a Markdown section, from the same rows. Pure.</summary>
public static class ComparisonText
{
    public static readonly string[] Header = ["verdict", "workload", "metric", "mode", "unit", "baseline", "current", "change", "95 % CI (change)", "MW p"];

    public static IReadOnlyList<IReadOnlyList<string>> Rows(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Changes
            .OrderBy(c => c.Verdict switch { ChangeVerdict.Regressed => 0, ChangeVerdict.Improved => 1, _ => 2 })
            .Select(c => (IReadOnlyList<string>)
            [
                c.SlowdownCi.IsKnown ? c.Verdict.ToString().ToLowerInvariant() : "not judged", c.Workload, c.Metric, c.Mode, c.Unit,
                Fmt.Value(c.BaselineMedian), Fmt.Value(c.CurrentMedian), Percent(c.Change),
                c.SlowdownCi.IsKnown ? Percent(c.SlowdownCi.Low - 1) + " … " + Percent(c.SlowdownCi.High - 1) : "–",
                Fmt.P(c.MannWhitneyP),
            ]).ToList();
    }

    /// <summary>Lines that explain the gate: sides, noise, the rule, sensitivity at other thresholds.</summary>
    public static IReadOnlyList<string> Preamble(ComparisonResult result, CompareOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var lines = new List<string>
        {
            $"baseline: {Describe(result.Baseline)}",
            $"current:  {Describe(result.Current)}",
        };
        lines.AddRange(result.Baseline.Notes.Concat(result.Current.Notes).Select(n => "note: " + n));
        lines.AddRange(result.Baseline.NoiseReasons.Concat(result.Current.NoiseReasons).Select(n => "noisy host: " + n));
        if (result.Noisy)
        {
            lines.Add("noise: reported only — it never switches the gate off, and the threshold is not widened; the intervals carry the measured noise");
        }

        lines.Add(Spread(result));
        lines.Add(FormattableString.Invariant(
            $"rule: regressed ⇔ worse by more than {options.Threshold * 100:0.#} % AND the 95 % bootstrap CI of the ratio of medians excludes 1 (change = slowdown, > 0 is worse; units ending in /s are higher-is-better)"));
        lines.Add(FormattableString.Invariant(
            $"rule: the gate also fails when a mode, workload or metric of the baseline is missing, unverified or all failed in the current run, or a failure rate (failed cells / cells per mode × workload) rose by more than {FailureRates.MaxRise * 100:0} points"));
        var unjudged = result.Changes.Count(c => !c.SlowdownCi.IsKnown);
        if (unjudged > 0)
        {
            lines.Add(FormattableString.Invariant(
                $"not judged: {unjudged} series with one container (or one sample) on a side — no between-container spread, so no interval; run with --guest-rounds 3 or more"));
        }

        lines.Add("would regress at: " + string.Join(", ", options.SensitivityThresholds.Select(t =>
            FormattableString.Invariant($"{t * 100:0.#} % → {result.RegressionsAt(t)}"))));
        lines.AddRange(result.Missing);
        lines.AddRange(result.FailureRises);
        lines.AddRange(result.Unmatched.Select(u => "not compared: " + u));
        return lines;
    }

    public static string Table(ComparisonResult result)
    {
        var rows = Rows(result);
        var widths = Header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var sb = new StringBuilder();
        sb.AppendLine(string.Join("  ", Header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows)
        {
            sb.AppendLine(string.Join("  ", row.Select((cell, i) => i >= 5 ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd());
        }

        return sb.ToString();
    }

    public static string Markdown(ComparisonResult result, CompareOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        sb.AppendLine("## Regression check").AppendLine();
        sb.Append(result.GateFails ? "**FAILED** — " : "**passed** — ")
            .Append(Escape(result.Summary())).AppendLine(".").AppendLine();
        foreach (var line in Preamble(result, options))
        {
            sb.Append("- ").AppendLine(Escape(line));
        }

        sb.AppendLine();
        sb.Append("| ").Append(string.Join(" | ", Header)).AppendLine(" |");
        sb.Append('|').Append(string.Concat(Header.Select((_, i) => i >= 5 ? "---:|" : "---|"))).AppendLine();
        foreach (var row in Rows(result))
        {
            var cells = row.Select(Escape).ToList();
            cells[0] = cells[0] switch { "regressed" => "🔴 regressed", "improved" => "🟢 improved", _ => "same" };
            sb.Append("| ").Append(string.Join(" | ", cells)).AppendLine(" |");
        }

        return sb.ToString();
    }

    /// <summary>Whether the night-to-night spread is in the intervals, and how large it was.</summary>
    private static string Spread(ComparisonResult result)
    {
        var estimated = result.Changes.Where(c => double.IsFinite(c.NightSigma)).OrderBy(c => c.NightSigma).ToList();
        if (estimated.Count > 0)
        {
            var largest = estimated[^1];
            return FormattableString.Invariant(
                $"night-to-night spread: from the {result.Baseline.Runs.Count} baseline runs, added to every interval as the current night's own night effect (Student t, {result.Baseline.Runs.Count - 1} df): median {estimated[estimated.Count / 2].NightSigma * 100:0.0} %, largest {largest.NightSigma * 100:0.0} % ({largest.Workload}/{largest.Metric} [{largest.Mode}])");
        }

        return result.Baseline.Runs.Count < 2
            ? "night-to-night spread: not in the intervals — a one-run baseline shows only within-run noise; use last:N (N ≥ 3) as the baseline"
            : "night-to-night spread: in the intervals through the current side's own runs (runs resampled, then rounds)";
    }

    private static string Describe(CompareSide side) =>
        side.Label + " = " + string.Join(", ", side.Runs.Select(r => r.RunId + (r.IsNoisy ? " (noisy)" : string.Empty)));

    private static string Percent(double change) =>
        !double.IsFinite(change) ? "–" : (change >= 0 ? "+" : string.Empty) + (change * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
