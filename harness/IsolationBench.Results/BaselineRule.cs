namespace IsolationBench.Results;

/// <summary>
/// Which mode anchors the ratios when the user names none: <c>host</c> (no cage at all) when it ran, else the
/// least-isolated mode present — <c>process</c>, then <c>runc</c>, then <c>crun</c>, then the first in catalog order —
/// never a variant (<see cref="ModeVariants"/>).
/// One rule for `isobench run` (written into manifest.json) and for reports of older runs without the field.
/// </summary>
public static class BaselineRule
{
    /// <summary>Least isolated first; a mode not listed ranks after all of these, in the order given.</summary>
    public static readonly IReadOnlyList<string> Preference = ["host", "process", "runc", "crun"];

    /// <param name="modes">the modes of the run in catalog order.</param>
    /// <returns>the baseline, or null when there are no modes.</returns>
    public static string? Choose(IReadOnlyList<string> modes)
    {
        ArgumentNullException.ThrowIfNull(modes);
        // A variant (runc+unconfined) is less isolated than its parent by design: it never anchors the ratios.
        var real = modes.Where(m => !ModeVariants.IsVariant(m)).ToList();
        return Preference.FirstOrDefault(real.Contains) ?? (real.Count > 0 ? real[0] : null);
    }

    /// <summary>
    /// The pair a reader of this platform asks about first: on Windows hyperv against process; on Linux each
    /// sandbox (anything but host, runc and crun) against runc; a variant (runc+unconfined) against its parent. Null
    /// when the mode has no such partner in the run.
    /// </summary>
    public static string? PairPartner(string mode, IReadOnlyList<string> modes)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(modes);
        if (ModeVariants.Parse(mode) is { } variant)
        {
            return modes.Contains(variant.Parent) ? variant.Parent : null;
        }

        if (mode == "hyperv")
        {
            return modes.Contains("process") ? "process" : null;
        }

        return mode is "host" or "runc" or "crun" or "process" || !modes.Contains("runc") ? null : "runc";
    }
}
