using IsolationBench.Harness.Modes;
using IsolationBench.Results;
using IsolationBench.Results.Workloads;

namespace IsolationBench.Harness.Workloads;

/// <summary>
/// The workloads a run can choose from, in run order: what the composition root hands the harness (the list itself is
/// made in IsolationBench.Workloads, one module per workload). Parsing --workloads, support checks, skips, the plan and
/// the run loop all ask this object, so the harness names no workload.
/// </summary>
public sealed class WorkloadRegistry
{
    private readonly IReadOnlyList<HarnessWorkload> _all;

    public WorkloadRegistry(IEnumerable<HarnessWorkload> workloads)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        _all = [.. workloads];
        Names = [.. _all.Select(w => w.Name)];
        Defaults = [.. _all.Where(w => w.ByDefault).Select(w => w.Name)];
        Options = [.. _all.SelectMany(w => w.Options).DistinctBy(o => o.Flag, StringComparer.Ordinal)];
        var twice = _all.GroupBy(w => w.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"workload '{twice.Key}' is registered twice", nameof(workloads));
        }
    }

    public IReadOnlyList<HarnessWorkload> All => _all;

    /// <summary>Every workload --workloads accepts, in run order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>What a run without --workloads runs: the workloads that are in a default run, in order.</summary>
    public IReadOnlyList<string> Defaults { get; }

    /// <summary>The descriptors of the named workloads, in the order given (what a run writes into its manifest).</summary>
    public IReadOnlyList<WorkloadDescriptor> Descriptors(IEnumerable<string> workloads) => [.. workloads.Select(w => Get(w).Descriptor)];

    public HarnessWorkload? Find(string name) => _all.FirstOrDefault(w => w.Name == name);

    public HarnessWorkload Get(string name) => Find(name) ?? throw new ArgumentException($"unknown workload '{name}'", nameof(name));

    /// <summary>How the plan lays out <paramref name="workload"/>; a name this version does not know is planned like a guest category.</summary>
    public WorkloadPlanning PlanningOf(string workload) => Find(workload)?.Planning ?? WorkloadPlanning.GuestRounds;

    /// <summary>The user's --workloads list (null: the defaults), validated against the registry.</summary>
    public IReadOnlyList<string> Parse(string? list)
    {
        if (list is null)
        {
            return Defaults;
        }

        var names = Selection.SplitList(list, "--workloads", string.Join(',', Names));
        foreach (var name in names.Where(n => Find(n) is null))
        {
            throw new UsageException($"unknown workload '{name}': choose from {string.Join(", ", Names)}");
        }

        return names;
    }

    /// <summary>
    /// Options that belong to workloads (--engine-bench to startup, --cold to the cold-start ones): one given without
    /// any workload of the run that owns it is refused with the owner's one-line advice.
    /// </summary>
    public void ValidateOwnedOptions(RunOptions options, IReadOnlyList<string> workloads)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(workloads);
        var selected = workloads.Select(Get).ToList();
        foreach (var option in Options)
        {
            if (option.Check?.Invoke(options) is { } wrong)
            {
                throw new UsageException(wrong);
            }

            if (option.IsSet?.Invoke(options) == true && !selected.Any(w => w.Options.Any(o => o.Flag == option.Flag)))
            {
                throw new UsageException(option.WithoutOwner);
            }
        }
    }

    /// <summary>Every option a workload owns, once each (shared ones such as --cold once), in the registry's order: what `isobench run` accepts beside its own.</summary>
    public IReadOnlyList<WorkloadOption> Options { get; }

    /// <summary>The options the run's workloads record of their own, for manifest.json (<see cref="RunOptions.ToDictionary"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RecordedOptions(RunOptions options, IEnumerable<string> workloads) =>
        [.. workloads.Select(Get).SelectMany(w => w.Options).DistinctBy(o => o.Flag, StringComparer.Ordinal)
            .Select(o => o.Recorded?.Invoke(options)).OfType<KeyValuePair<string, string>>()];

    /// <summary>The first reason one of <paramref name="workloads"/> cannot run in one of <paramref name="modes"/>, or null.</summary>
    public string? Unsupported(IEnumerable<string> workloads, IReadOnlyList<IsolationMode> modes, SupportFacts facts)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        ArgumentNullException.ThrowIfNull(modes);
        ArgumentNullException.ThrowIfNull(facts);
        var selected = workloads.Select(Get).ToList();
        if (facts.RemoteEngine is { } remote && selected.FirstOrDefault(w => w.NeedsEngineHost is not null) is { } local)
        {
            return $"workload '{local.Name}' {local.NeedsEngineHost}, and the engine at {remote} is on another machine: run isobench on the engine's host or leave '{local.Name}' out of --workloads";
        }

        return selected.SelectMany(w => modes.Select(m => w.Supports(m, facts))).FirstOrDefault(r => r is not null);
    }

    /// <summary>The modes each of <paramref name="workloads"/> leaves out (<see cref="HarnessWorkload.Skips"/>), with why, in the run's order.</summary>
    public IReadOnlyList<SkippedCells> Skipped(IEnumerable<string> workloads, IReadOnlyList<IsolationMode> modes, Engine.EngineFacts? facts)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        ArgumentNullException.ThrowIfNull(modes);
        return [.. workloads.Select(Get).Where(w => w.Skips is not null)
            .SelectMany(w => modes.Select(m => (Mode: m, Reason: w.Skips!(m, facts))).Where(s => s.Reason is not null).Select(s => new SkippedCells(w.Name, s.Mode.Name, s.Reason!)))];
    }

    /// <summary>Whether any of <paramref name="workloads"/> (names as in manifest.json) is planned in guest rounds.</summary>
    public bool AnyGuestRounds(IEnumerable<string> workloads) =>
        workloads.Any(w => Find(w)?.Planning == WorkloadPlanning.GuestRounds);
}
