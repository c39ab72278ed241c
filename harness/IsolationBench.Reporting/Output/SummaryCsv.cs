using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.Output;

/// <summary>summary.csv: one row per workload/metric/mode, InvariantCulture, for spreadsheets and other tools.</summary>
public static class SummaryCsv
{
    /// <summary>Every row as measured (referees included, as the report's tables); significant and not_judged as the report judges them.</summary>
    public static async Task WriteAsync(Analysers.JudgedAnalysis judged, string path, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(judged);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" };
        await using var writer = new StreamWriter(path, append: false);
        await using var csv = new CsvWriter(writer, config);
        csv.Context.RegisterClassMap<SummaryRowMap>();
        var analysis = judged.Analysis;
        await csv.WriteRecordsAsync(analysis.Rows.Select(r => ToRow(r, IsolationBench.Results.ModeVariants.Of(r.Mode, analysis.Manifest)?.Parent, judged)), ct).ConfigureAwait(false);
    }

    /// <param name="r">the row.</param>
    /// <param name="variantOf">the parent when the row's mode is a variant (runc+unconfined → runc): column variant_of, empty for a real mode.</param>
    /// <param name="judged">what the report concluded: a refused row is not significant, and not_judged says why.</param>
    internal static SummaryRow ToRow(MetricRow r, string? variantOf, Analysers.JudgedAnalysis judged)
    {
        var s = r.Statistics;
        var c = r.Comparison;
        return new SummaryRow(
            r.Workload, r.Metric, r.Mode, r.Unit, s.N, s.NFailed, s.Median, s.Mean, s.StandardDeviation, s.MedianCi.Low, s.MedianCi.High,
            r.IsBaseline ? 1 : c?.Ratio ?? double.NaN,
            c?.RatioCi.Low ?? double.NaN,
            c?.RatioCi.High ?? double.NaN,
            r.IsBaseline ? 1 : c?.Overhead ?? double.NaN,
            c?.OverheadCi.Low ?? double.NaN,
            c?.OverheadCi.High ?? double.NaN,
            judged.IsSignificant(r),
            c?.MannWhitneyP ?? double.NaN,
            r.HigherIsBetter,
            r.Baseline,
            r.Statistics.Units,
            judged.NotJudged(r),
            variantOf ?? string.Empty);
    }
}

internal sealed record SummaryRow(
    string Workload, string Metric, string Mode, string Unit, int N, int NFailed, double Median, double Mean, double StdDev,
    double CiLow, double CiHigh, double Ratio, double RatioCiLow, double RatioCiHigh, double Overhead, double OverheadCiLow,
    double OverheadCiHigh, bool Significant, double MannWhitneyP, bool HigherIsBetter, string Baseline, int Units, string NotJudged, string VariantOf);

internal sealed class SummaryRowMap : ClassMap<SummaryRow>
{
    public SummaryRowMap()
    {
        Map(r => r.Workload).Name("workload");
        Map(r => r.Metric).Name("metric");
        Map(r => r.Mode).Name("mode");
        Map(r => r.Unit).Name("unit");
        Map(r => r.N).Name("n");
        Map(r => r.NFailed).Name("n_failed");
        Map(r => r.Median).Name("median").TypeConverterOption.Format("R");
        Map(r => r.Mean).Name("mean").TypeConverterOption.Format("R");
        Map(r => r.StdDev).Name("stddev").TypeConverterOption.Format("R");
        Map(r => r.CiLow).Name("ci_low").TypeConverterOption.Format("R");
        Map(r => r.CiHigh).Name("ci_high").TypeConverterOption.Format("R");
        Map(r => r.Ratio).Name("ratio").TypeConverterOption.Format("R");
        Map(r => r.RatioCiLow).Name("ratio_ci_low").TypeConverterOption.Format("R");
        Map(r => r.RatioCiHigh).Name("ratio_ci_high").TypeConverterOption.Format("R");
        Map(r => r.Overhead).Name("overhead").TypeConverterOption.Format("R");
        Map(r => r.OverheadCiLow).Name("overhead_ci_low").TypeConverterOption.Format("R");
        Map(r => r.OverheadCiHigh).Name("overhead_ci_high").TypeConverterOption.Format("R");
        Map(r => r.Significant).Name("significant").TypeConverterOption.BooleanValues(true, true, "true").TypeConverterOption.BooleanValues(false, true, "false");
        Map(r => r.MannWhitneyP).Name("mann_whitney_p").TypeConverterOption.Format("R");
        Map(r => r.HigherIsBetter).Name("higher_is_better").TypeConverterOption.BooleanValues(true, true, "true").TypeConverterOption.BooleanValues(false, true, "false");
        Map(r => r.Baseline).Name("baseline");
        Map(r => r.Units).Name("units");
        Map(r => r.NotJudged).Name("not_judged");
        Map(r => r.VariantOf).Name("variant_of");
    }
}
