using IsolationBench.Results;
using IsolationBench.Reporting.Charts;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting;
using ScottPlot;

namespace IsolationBench.Workloads.Startup;

/// <summary>startup-phases: per mode, the median of each phase stacked (the phases of StartupPhases: create … remove), in ms.</summary>
internal static class StartupPhasesChart
{
    public const string Name = "startup-phases";

    // ColorblindFriendly without its first colour (black), which would hide the white phase separators.
    private static readonly ScottPlot.Palettes.ColorblindFriendly Palette = new();

    public static IReadOnlyList<string> Render(RunAnalysis a, string directory)
    {
        const string w = StartupWorkloads.Startup;
        var modes = a.Modes.Where(m => IsolationBench.Results.StartupPhases.Container.Any(p => a.Row(w, p, m) is not null)).ToList();
        if (modes.Count == 0)
        {
            return [];
        }

        using var plot = ChartStyle.NewPlot("Container startup: median time per phase", a.Manifest);
        var tops = new double[modes.Count];
        foreach (var (phase, k) in IsolationBench.Results.StartupPhases.Container.Select((p, k) => (p, k)))
        {
            var bars = new List<Bar>();
            foreach (var (mode, i) in modes.Select((m, i) => (m, i)))
            {
                var median = a.Row(w, phase, mode)?.Statistics.Median ?? double.NaN;
                if (!double.IsFinite(median))
                {
                    continue;
                }

                bars.Add(new Bar
                {
                    Position = i,
                    ValueBase = tops[i],
                    Value = tops[i] + median,
                    Size = 0.6,
                    FillColor = Palette.GetColor(k + 1),
                    LineColor = Colors.White,
                    LineWidth = 1,
                });
                tops[i] += median;
            }

            if (bars.Count > 0)
            {
                var barPlot = plot.Add.Bars(bars);
                barPlot.LegendText = phase;
                barPlot.Color = Palette.GetColor(k + 1);
            }
        }

        // The sum of phase medians is not the median total; label both so neither is mistaken for the other.
        var max = tops.Max();
        foreach (var (mode, i) in modes.Select((m, i) => (m, i)))
        {
            var total = a.Row(w, StartupPhases.Total, mode)?.Statistics.Median ?? double.NaN;
            var text = plot.Add.Text($"{Fmt.Value(tops[i])} ms\n(total median {Fmt.Value(total)} ms)", i, tops[i] + (max * 0.015));
            text.LabelAlignment = Alignment.LowerCenter;
            text.LabelFontSize = 13;
            text.LabelBold = true;
        }

        var xTicks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (mode, i) in modes.Select((m, i) => (m, i)))
        {
            xTicks.AddMajor(i, mode);
        }

        plot.Axes.Bottom.TickGenerator = xTicks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 15;
        plot.XLabel("mode");
        plot.YLabel("time (ms), median of each phase, stacked");
        plot.Axes.SetLimitsY(0, max * 1.18);
        plot.Axes.SetLimitsX(-0.6, modes.Count - 0.4);
        plot.ShowLegend(Edge.Right);
        plot.HideGrid();
        plot.Grid.YAxisStyle.IsVisible = true;
        return ChartStyle.Save(plot, directory, Name);
    }
}
