using IsolationBench.Harness;
namespace IsolationBench.Workloads.Guest;

/// <summary>When io containers also run fio, the referee of our io figures.</summary>
public static class FioReferee
{
    /// <summary>
    /// fio runs from this many containers per mode. Below it the report calls no io difference significant (Reporting's
    /// Significance.MinUnits, kept equal by a test), so fio would referee no verdict; leaving it out saved ~2 s per io
    /// container of the quick first run here (its guest phase 333 → 309 s).
    /// </summary>
    public const int MinimumContainers = 5;

    public static bool Runs(int guestRounds) => guestRounds >= MinimumContainers;

    /// <summary>Whether io containers run fio in a run with <paramref name="options"/>: --fio, or enough containers.</summary>
    public static bool Runs(RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Fio || Runs(options.EffectiveGuestRounds);
    }
}
