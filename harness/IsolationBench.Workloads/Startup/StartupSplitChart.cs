using IsolationBench.Reporting.Charts;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Reporting;
using ScottPlot;

namespace IsolationBench.Workloads.Startup;

/// <summary>
/// startup-split: per mode one horizontal bar, the runtime-direct median total and the engine share stacked on it
/// (together the engine path's median total), the share's 95 % interval as a whisker at the bar's end.
/// </summary>
public static class StartupSplitChart
{
    public const string Name = "startup-split";

    private static readonly Color Runtime = Colors.SteelBlue;
    private static readonly Color Engine = Colors.Orange;

    public static IReadOnlyList<string> Render(RunAnalysis a, string directory)
    {
        ArgumentNullException.ThrowIfNull(a);
        var rows = StartupSplitAnalysis.From(a).Rows.Where(r => double.IsFinite(r.RuntimeDirect.Median) && double.IsFinite(r.EnginePath.Median)).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        using var plot = ChartStyle.NewPlot("Where startup time goes: runtime-direct + engine share = engine path (median total)", a.Manifest);
        var runtimeBars = new List<Bar>();
        var engineBars = new List<Bar>();
        var whiskers = new List<(double From, double To, double Y)>();
        var max = 0.0;
        foreach (var (r, i) in rows.Select((r, i) => (r, i)))
        {
            var y = rows.Count - 1 - i;
            runtimeBars.Add(new Bar { Position = y, ValueBase = 0, Value = r.RuntimeDirect.Median, Size = 0.6, FillColor = Runtime, LineColor = Colors.White, LineWidth = 1 });
            // A negative share (runtime-direct slower than the engine path) has nothing to stack: the label says so.
            if (r.EngineShare > 0)
            {
                engineBars.Add(new Bar { Position = y, ValueBase = r.RuntimeDirect.Median, Value = r.EnginePath.Median, Size = 0.6, FillColor = Engine, LineColor = Colors.White, LineWidth = 1 });
            }

            if (r.EngineShareCi.IsKnown && r.EngineShare > 0)
            {
                whiskers.Add((r.RuntimeDirect.Median + r.EngineShareCi.Low, r.RuntimeDirect.Median + r.EngineShareCi.High, y));
                max = Math.Max(max, r.RuntimeDirect.Median + r.EngineShareCi.High);
            }

            max = Math.Max(max, Math.Max(r.EnginePath.Median, r.RuntimeDirect.Median));
            var label = plot.Add.Text(
                $"{Fmt.Value(r.RuntimeDirect.Median)} + {Fmt.Value(r.EngineShare)} = {Fmt.Value(r.EnginePath.Median)} ms ({StartupSplitSection.Percent(r.EngineFraction)} engine)",
                Math.Max(r.EnginePath.Median, r.RuntimeDirect.Median),
                y + 0.38);
            label.LabelAlignment = Alignment.LowerRight;
            label.LabelFontSize = 13;
        }

        var runtime = plot.Add.Bars(runtimeBars);
        runtime.Horizontal = true;
        runtime.LegendText = "runtime-direct (OCI runtime binary, no engine)";
        runtime.Color = Runtime;
        if (engineBars.Count > 0)
        {
            var engine = plot.Add.Bars(engineBars);
            engine.Horizontal = true;
            engine.LegendText = "engine share (95 % CI whisker)";
            engine.Color = Engine;
        }

        // Over the bars, so the part of the interval inside the engine share stays visible.
        foreach (var (from, to, y) in whiskers)
        {
            var whisker = plot.Add.Line(from, y, to, y);
            whisker.LineColor = Colors.Black;
            whisker.LineWidth = 2;
            whisker.MarkerSize = 0;
        }

        var yTicks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (r, i) in rows.Select((r, i) => (r, i)))
        {
            yTicks.AddMajor(rows.Count - 1 - i, r.Mode);
        }

        plot.Axes.Left.TickGenerator = yTicks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.XLabel("time (ms): median lifecycle total");
        plot.Axes.SetLimitsX(0, max * 1.08);
        plot.Axes.SetLimitsY(-0.6, rows.Count - 0.1);
        plot.ShowLegend(Edge.Bottom);
        plot.HideGrid();
        plot.Grid.XAxisStyle.IsVisible = true;
        return ChartStyle.Save(plot, directory, Name, height: Math.Max(360, 160 + (rows.Count * 110)));
    }
}
