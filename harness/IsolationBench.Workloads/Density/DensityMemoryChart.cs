using IsolationBench.Reporting.Charts;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Reporting;
using ScottPlot;

namespace IsolationBench.Workloads.Density;

/// <summary>
/// density-memory: per mode, memory per container three ways (PSS incl. the runtime, MemAvailable drop, cgroup charge),
/// each bar the median over the ladder's steps with its interval as whiskers (<see cref="DensityFootprint"/>).
/// </summary>
public static class DensityMemoryChart
{
    public const string Name = "density-memory";

    private static readonly (string Label, Func<DensityFootprint, DensityEstimate?> Pick)[] Kinds =
    [
        ("PSS (runtime included)", f => f.Pss),
        ("MemAvailable drop", f => f.AvailableDrop),
        ("cgroup charge", f => f.Charge),
    ];

    private static readonly ScottPlot.Palettes.ColorblindFriendly Palette = new();

    public static IReadOnlyList<string> Render(RunAnalysis a, string directory)
    {
        var footprints = DensityAnalysis.From(a).Footprints;
        if (footprints.Count == 0)
        {
            return [];
        }

        using var plot = ChartStyle.NewPlot("Density: host memory per idle container (median over ladder steps, interval)", a.Manifest);
        var slot = 0.8 / Kinds.Length;
        var extremes = new List<double> { 0 };
        foreach (var (kind, j) in Kinds.Select((k, j) => (k, j)))
        {
            var bars = new List<Bar>();
            var xs = new List<double>();
            var ys = new List<double>();
            var lows = new List<double>();
            var highs = new List<double>();
            foreach (var (f, i) in footprints.Select((f, i) => (f, i)))
            {
                if (kind.Pick(f) is not { } e || !double.IsFinite(e.Median))
                {
                    continue;
                }

                var x = i + ((j - ((Kinds.Length - 1) / 2.0)) * slot);
                bars.Add(new Bar
                {
                    Position = x,
                    Value = e.Median,
                    Size = slot * 0.9,
                    FillColor = Palette.GetColor(j + 1),
                    LineWidth = 0,
                    Label = Fmt.Value(e.Median),
                });
                extremes.Add(e.Median);
                if (e.Ci.IsKnown)
                {
                    xs.Add(x);
                    ys.Add(e.Median);
                    lows.Add(e.Median - e.Ci.Low);
                    highs.Add(e.Ci.High - e.Median);
                    extremes.AddRange([e.Ci.Low, e.Ci.High]);
                }
            }

            if (bars.Count == 0)
            {
                continue;
            }

            var barPlot = plot.Add.Bars(bars);
            barPlot.LegendText = kind.Label;
            barPlot.Color = Palette.GetColor(j + 1);
            barPlot.ValueLabelStyle.FontSize = 12;
            ChartStyle.IntervalBars(plot, xs, ys, lows, highs);
        }

        var xTicks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (f, i) in footprints.Select((f, i) => (f, i)))
        {
            xTicks.AddMajor(i, f.Mode + (f.IsHost ? "\n(host process)" : string.Empty));
        }

        plot.Axes.Bottom.TickGenerator = xTicks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 15;
        plot.XLabel("mode; whiskers = order-statistic interval of the median over the ladder's steps");
        plot.YLabel("MiB per container");
        var span = extremes.Max() - extremes.Min();
        plot.Axes.SetLimitsY(extremes.Min() - (span * 0.05), extremes.Max() + (span * 0.12));
        plot.Axes.SetLimitsX(-0.6, footprints.Count - 0.4);
        plot.Add.HorizontalLine(0, 1, Colors.DimGray);
        plot.ShowLegend(Edge.Right);
        plot.HideGrid();
        plot.Grid.YAxisStyle.IsVisible = true;
        return ChartStyle.Save(plot, directory, Name);
    }
}
