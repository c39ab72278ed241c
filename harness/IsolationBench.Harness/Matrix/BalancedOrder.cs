namespace IsolationBench.Harness.Matrix;

/// <summary>
/// The order of the modes within each round: a Williams design. Over one cycle of rounds every mode runs in every
/// position equally often and directly after every other mode equally often, so neither a position effect (the
/// first container of a round after a pause) nor a carry-over effect (a mode slowed by the one before it; runc
/// measured ~30 % slower after some predecessors here) can favour one mode. For an even number of modes one cycle is
/// n rounds (a Latin square whose first row is 0, 1, n−1, 2, n−2, …); for an odd number it is 2n rounds (that square
/// and its mirror image), as a single odd square cannot balance the predecessors. Deterministic, so a resumed run
/// repeats the same plan; rounds beyond a whole number of cycles are as close to balanced as a partial cycle allows.
/// </summary>
public static class BalancedOrder
{
    /// <summary>Rounds in one balanced cycle for <paramref name="modes"/> modes: n when even, 2n when odd.</summary>
    public static int Cycle(int modes) => modes <= 1 ? 1 : modes % 2 == 0 ? modes : 2 * modes;

    /// <summary>The order of mode indices (0..n−1) in the round with 0-based index <paramref name="round"/>.</summary>
    public static IReadOnlyList<int> Row(int modes, int round)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(round);
        ArgumentOutOfRangeException.ThrowIfNegative(modes);
        if (modes == 0)
        {
            return [];
        }

        var index = round % Cycle(modes);
        var shift = index % modes;
        var row = FirstRow(modes).Select(m => (m + shift) % modes).ToList();
        if (index >= modes)
        {
            row.Reverse();
        }

        return row;
    }

    /// <summary>0, 1, n−1, 2, n−2, …: consecutive differences are all distinct mod n (even n), which balances carry-over.</summary>
    private static int[] FirstRow(int modes)
    {
        var row = new int[modes];
        int low = 1, high = modes - 1;
        for (var i = 1; i < modes; i++)
        {
            row[i] = i % 2 == 1 ? low++ : high--;
        }

        return row;
    }
}
