namespace IsolationBench.Harness.Modes;

/// <summary>Parses the user's --modes and --workloads lists into validated choices (or a one-line UsageException).</summary>
public static class Selection
{
    /// <summary>Every workload --workloads accepts, in run order: the names of the workload catalog.</summary>
    public static readonly IReadOnlyList<string> Workloads = [.. IsolationBench.Results.Workloads.WorkloadCatalog.BuiltIn.Select(w => w.Name)];

    /// <summary>What a run without --workloads runs: the catalog's workloads that are in a default run, in order.</summary>
    public static readonly IReadOnlyList<string> Defaults = [.. Workloads.Where(w => Harness.Workloads.HarnessCatalog.Find(w)?.ByDefault != false)];

    public static IReadOnlyList<IsolationMode> Modes(string? list, ModeCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (list is null)
        {
            return catalog.Available;
        }

        var names = SplitList(list, "--modes", string.Join(',', catalog.Available.Select(m => m.Name)));
        var modes = new List<IsolationMode>();
        foreach (var name in names)
        {
            var mode = catalog.Find(name);
            if (mode is null)
            {
                var offered = string.Join(", ", catalog.Available.Select(m => m.Name));
                var why = catalog.Unavailable.TryGetValue(name, out var reason) ? $" ({name}: {reason})" : string.Empty;
                throw new UsageException($"unknown mode '{name}': this host offers {offered}{why}");
            }

            modes.Add(mode);
        }

        return modes;
    }

    public static IReadOnlyList<string> WorkloadList(string? list)
    {
        if (list is null)
        {
            // A first run shows the whole picture: startup and every guest category (density is asked for by name).
            return Defaults;
        }

        var names = SplitList(list, "--workloads", string.Join(',', Workloads));
        foreach (var name in names.Where(n => !Workloads.Contains(n)))
        {
            throw new UsageException($"unknown workload '{name}': choose from {string.Join(", ", Workloads)}");
        }

        return names;
    }

    private static List<string> SplitList(string list, string option, string example)
    {
        var names = list.Split(',', StringSplitOptions.TrimEntries).ToList();
        if (names.Count == 0 || names.Any(string.IsNullOrEmpty))
        {
            throw new UsageException($"{option} has an empty entry in '{list}': give a comma-separated list such as {example}");
        }

        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new UsageException($"{option} names '{duplicate.Key}' twice: list each once");
        }

        return names;
    }
}
