using System.Globalization;

namespace IsolationBench.Reporting.Output;

/// <summary>Number formatting for people: InvariantCulture always, precision that follows the magnitude.</summary>
public static class Fmt
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A measured value: 3 significant digits, no exponent below a million.</summary>
    public static string Value(double v)
    {
        if (!double.IsFinite(v))
        {
            return "–";
        }

        if (v == 0)
        {
            return "0";
        }

        var a = Math.Abs(v);
        var format = a >= 1000 ? "#,0" : a >= 100 ? "0" : a >= 10 ? "0.0" : a >= 1 ? "0.00" : a >= 0.01 ? "0.000" : "0.###E+0";
        return v.ToString(format, Inv);
    }

    /// <summary>A factor such as a ratio or overhead: 1.62, 16.2, 162.</summary>
    public static string Factor(double v)
    {
        if (!double.IsFinite(v))
        {
            return "–";
        }

        var a = Math.Abs(v);
        return v.ToString(a >= 100 ? "0" : a >= 10 ? "0.0" : "0.00", Inv);
    }

    public static string Interval(Statistics.Interval ci, Func<double, string> format) =>
        ci.IsKnown ? format(ci.Low) + "–" + format(ci.High) : "–";

    public static string P(double p) =>
        !double.IsFinite(p) ? "–" : p < 0.0001 ? "<0.0001" : p.ToString("0.0000", Inv);

    public static string Count(int v) => v.ToString(Inv);

    /// <summary>A relative difference with its sign spelled out: +2.4 %, −11.7 %.</summary>
    public static string SignedPercent(double fraction) =>
        !double.IsFinite(fraction) ? "–" : (fraction >= 0 ? "+" : "−") + Math.Abs(fraction * 100).ToString("0.0", Inv) + " %";
}
