namespace IsolationBench.Reporting.Statistics;

/// <summary>
/// When a difference may be called significant: the ratio's 95 % interval excludes 1.0 AND each side has at least
/// <see cref="MinUnits"/> independent units (containers for guest workloads, lifecycles for startup). With fewer the
/// interval is still shown, but a verdict would rest on a handful of containers, so none is given.
/// </summary>
public static class Significance
{
    public const int MinUnits = 5;

    /// <summary>Null when the interval may decide; otherwise why it may not, e.g. "too few containers: 3".</summary>
    public static string? Withheld(int modeUnits, int baselineUnits, bool startup)
    {
        var fewest = Math.Min(modeUnits, baselineUnits);
        return fewest >= MinUnits
            ? null
            : FormattableString.Invariant($"too few {(startup ? "samples" : "containers")}: {fewest} (at least {MinUnits} per mode)");
    }
}
