using IsolationBench.Results;
using IsolationBench.Reporting.Charts;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting;
using ScottPlot;

namespace IsolationBench.Workloads.Startup;

/// <summary>startup-distribution: every startup total per mode as jittered points over a box (quartiles, 1.5 IQR whiskers).</summary>
internal static class StartupDistributionChart
{
    public const string Name = "startup-distribution";

    public static IReadOnlyList<string> Render(RunAnalysis a, string directory)
    {
        const string w = StartupWorkloads.Startup;
        var series = a.Modes
            .Select(m => (Mode: m, Values: a.Values(w, StartupPhases.Total, m)))
            .Where(s => s.Values.Count > 0)
            .ToList();
        if (series.Count == 0)
        {
            return [];
        }

        var all = series.SelectMany(s => s.Values).Where(v => v > 0).ToList();
        var log = all.Count > 0 && all.Max() / all.Min() > OverheadChart.LogThreshold;
        Func<double, double> y = log ? Math.Log10 : v => v;

        using var plot = ChartStyle.NewPlot("Container startup: every total (create → remove), per mode", a.Manifest);

        // Jitter from a fixed seed: the same run always draws the same picture.
        var random = new Random(7);
        foreach (var ((mode, values), i) in series.Select((s, i) => (s, i)))
        {
            var sorted = values.Order().ToArray();
            var q1 = Descriptive.QuantileOfSorted(sorted, 0.25);
            var q3 = Descriptive.QuantileOfSorted(sorted, 0.75);
            var iqr = q3 - q1;
            var color = ChartStyle.ModeColor(a.Modes, mode);
            var box = new Box
            {
                Position = i,
                BoxMin = y(q1),
                BoxMax = y(q3),
                BoxMiddle = y(Descriptive.QuantileOfSorted(sorted, 0.5)),
                WhiskerMin = y(sorted.First(v => v >= q1 - (1.5 * iqr))),
                WhiskerMax = y(sorted.Last(v => v <= q3 + (1.5 * iqr))),
                Width = 0.5,
                FillColor = color.WithAlpha(0.18),
                LineColor = color.Darken(0.3),
                LineWidth = 1.5f,
            };
            var boxPlot = plot.Add.Box(box);
            boxPlot.LegendText = string.Empty;

            var xs = sorted.Select(_ => i + ((random.NextDouble() - 0.5) * 0.38)).ToArray();
            var ys = values.Order().Select(y).ToArray();
            var markers = plot.Add.Markers(xs, ys, MarkerShape.FilledCircle, 6, color.WithAlpha(0.75));
            markers.LegendText = string.Empty;

            var n = plot.Add.Text($"n={sorted.Length}, median {Fmt.Value(Descriptive.QuantileOfSorted(sorted, 0.5))} ms", i, y(sorted[^1]));
            n.LabelAlignment = Alignment.LowerCenter;
            n.LabelFontSize = 12;
            n.OffsetY = -6;
        }

        var xTicks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var ((mode, _), i) in series.Select((s, i) => (s, i)))
        {
            xTicks.AddMajor(i, mode);
        }

        plot.Axes.Bottom.TickGenerator = xTicks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 15;
        plot.XLabel("mode (box: quartiles, whiskers: 1.5 IQR; every point is one container)");
        plot.YLabel("startup total (ms)" + (log ? ", log scale" : string.Empty));
        if (log)
        {
            ChartStyle.LogTicks(plot.Axes.Left, all.Min(), all.Max(), v => Fmt.Value(v));
            plot.Axes.SetLimitsY(Math.Floor(Math.Log10(all.Min())), Math.Log10(all.Max()) + 0.25);
        }
        else
        {
            plot.Axes.SetLimitsY(0, all.Max() * 1.12);
        }

        plot.Axes.SetLimitsX(-0.6, series.Count - 0.4);
        plot.HideGrid();
        plot.Grid.YAxisStyle.IsVisible = true;
        return ChartStyle.Save(plot, directory, Name);
    }
}
