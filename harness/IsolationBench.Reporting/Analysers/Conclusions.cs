namespace IsolationBench.Reporting.Analysers;

/// <summary>What one analyser concluded; empty lists where it has nothing to say.</summary>
public sealed record Conclusions
{
    public static Conclusions None { get; } = new();

    /// <summary>Shown at the top of the report and printed by the CLI, in the analysers' order.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Comparisons the report withholds; every output withholds them too.</summary>
    public IReadOnlyList<Refusal> Refusals { get; init; } = [];

    /// <summary>What the design could bias, measured (order effects, engine clock): the "Design checks" lines.</summary>
    public IReadOnlyList<string> DesignChecks { get; init; } = [];

    public IReadOnlyList<RefereeFindings> Referees { get; init; } = [];

    /// <summary>All in order: each list is the concatenation of the parts' lists.</summary>
    public static Conclusions Combine(IEnumerable<Conclusions> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToList();
        return new Conclusions
        {
            Warnings = [.. list.SelectMany(c => c.Warnings)],
            Refusals = [.. list.SelectMany(c => c.Refusals)],
            DesignChecks = [.. list.SelectMany(c => c.DesignChecks)],
            Referees = [.. list.SelectMany(c => c.Referees)],
        };
    }
}
