using System.Globalization;
using IsolationBench.Results;
using ScottPlot;

namespace IsolationBench.Reporting.Charts;

/// <summary>What every chart shares: size, colours per mode (the same in every chart), header line, log axes, saving.</summary>
internal static class ChartStyle
{
    public const int Width = 1200;
    public const int Height = 700;

    private static readonly ScottPlot.Palettes.Category10 Palette = new ScottPlot.Palettes.Category10();

    public static Color ModeColor(IReadOnlyList<string> modes, string mode)
    {
        var i = modes.ToList().IndexOf(mode);
        return Palette.GetColor(i < 0 ? modes.Count : i);
    }

    /// <summary>host, engine, runtimes/isolation and date, so a chart copied out of the report still says where it came from.</summary>
    public static string Header(RunManifest m)
    {
        var engine = m.Engine is null ? "no engine" : $"engine {m.Engine.Version} (API {m.Engine.ApiVersion})";
        var modes = string.Join(", ", m.Modes.Select(d => d.Parent is null ? d.Runtime ?? d.Isolation ?? d.Name : d.Name).Distinct());
        // The figures are the engine host's: a remote one is named, the harness's machine only as where it was reached from.
        var where = m.Engine is { Remote: true } e
            ? $"{e.Name} (remote engine, from {m.Host.Hostname}): {e.OperatingSystem}, kernel {e.KernelVersion}, {e.Cpus} CPUs"
            : $"{m.Host.Hostname}: {m.Host.OsDescription}, kernel {m.Host.Kernel}, {m.Host.Cores} cores";
        return string.Create(CultureInfo.InvariantCulture,
            $"{where} · {engine} · modes: {modes} · {m.StartedUtc:yyyy-MM-dd HH:mm} UTC");
    }

    public static Plot NewPlot(string title, RunManifest manifest)
    {
        var plot = new Plot();
        plot.Title(title, size: 18);

        // A second, lighter title panel: one bold line per title would be cut off at the figure's edges.
        var sub = new ScottPlot.Panels.TitlePanel();
        sub.Label.Text = Header(manifest);
        sub.Label.FontSize = 12;
        sub.Label.Bold = false;
        sub.Label.ForeColor = Colors.DimGray;
        plot.Axes.AddPanel(sub);
        plot.Axes.Bottom.Label.FontSize = 15;
        plot.Axes.Left.Label.FontSize = 15;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        return plot;
    }

    /// <summary>Intervals as black error bars over bars at <paramref name="xs"/>: each goes <paramref name="lows"/> below and <paramref name="highs"/> above its <paramref name="ys"/>. Nothing when there is none.</summary>
    public static void IntervalBars(Plot plot, List<double> xs, List<double> ys, List<double> lows, List<double> highs)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(xs);
        if (xs.Count == 0)
        {
            return;
        }

        var errors = plot.Add.ErrorBar(xs, ys, highs);
        errors.YErrorNegative = lows;
        errors.YErrorPositive = highs;
        errors.Color = Colors.Black;
        errors.LineWidth = 1.5f;
        errors.CapSize = 6;
    }

    /// <summary>The x axis of a log10 overhead chart: factor ticks ("2×") and limits just around every positive value plotted.</summary>
    public static void LogFactorAxisX(Plot plot, IReadOnlyCollection<double> extremes)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(extremes);
        var lo = extremes.Where(v => v > 0 && double.IsFinite(v)).Min();
        var hi = extremes.Where(v => v > 0 && double.IsFinite(v)).Max();
        LogTicks(plot.Axes.Bottom, lo, hi, v => Output.Fmt.Factor(v) + "×");
        plot.Axes.SetLimitsX(Math.Log10(lo) - 0.05, Math.Log10(hi) + 0.05);
    }

    /// <summary>A 95 % interval as a horizontal whisker at <paramref name="y"/> on a log10 x axis; its ends join <paramref name="extremes"/> (the axis limits). Nothing when the interval is unknown or not positive.</summary>
    public static void LogWhisker(Plot plot, Statistics.Interval ci, double y, Color color, List<double> extremes)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(extremes);
        if (!ci.IsKnown || !(ci.Low > 0))
        {
            return;
        }

        var whisker = plot.Add.Line(Math.Log10(ci.Low), y, Math.Log10(ci.High), y);
        whisker.LineColor = color;
        whisker.LineWidth = 2;
        whisker.MarkerSize = 0;
        extremes.AddRange([ci.Low, ci.High]);
    }

    /// <summary>
    /// ScottPlot has no log axis: the data are plotted as log10(value) and the ticks are labelled with the value,
    /// one major tick per decade (plus 2 and 5 when the span is less than two decades) and minor ticks between.
    /// </summary>
    public static void LogTicks(IAxis axis, double minValue, double maxValue, Func<double, string> label)
    {
        var lo = Math.Floor(Math.Log10(minValue));
        var hi = Math.Ceiling(Math.Log10(maxValue));
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var decade = lo; decade <= hi; decade++)
        {
            var baseValue = Math.Pow(10, decade);
            ticks.AddMajor(decade, label(baseValue));
            for (var k = 2; k <= 9; k++)
            {
                var v = Math.Log10(k * baseValue);
                if (v > hi)
                {
                    break;
                }

                if (hi - lo <= 2 && k is 2 or 5)
                {
                    ticks.AddMajor(v, label(k * baseValue));
                }
                else
                {
                    ticks.AddMinor(v);
                }
            }
        }

        axis.TickGenerator = ticks;
    }

    public static IReadOnlyList<string> Save(Plot plot, string directory, string name, int width = Width, int height = Height)
    {
        var png = Path.Combine(directory, name + ".png");
        var svg = Path.Combine(directory, name + ".svg");
        plot.SavePng(png, width, height);
        plot.SaveSvg(svg, width, height);
        return [png, svg];
    }

    public static string FormatValue(double v) => Output.Fmt.Value(v);
}
