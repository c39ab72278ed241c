namespace IsolationBench.Harness.Modes;

/// <summary>Parses the user's --modes list (and splits --workloads for <see cref="Workloads.WorkloadRegistry.Parse"/>) into validated choices (or a one-line UsageException).</summary>
public static class Selection
{
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
            var mode = catalog.Find(name) ?? VariantOf(name, catalog);
            if (mode is null)
            {
                var offered = string.Join(", ", catalog.Available.Select(m => m.Name));
                var why = catalog.Unavailable.TryGetValue(name, out var reason) ? $" ({name}: {reason})" : string.Empty;
                throw new UsageException($"unknown mode '{name}': this host offers {offered}{why}");
            }

            modes.Add(mode);
        }

        foreach (var variant in modes.Where(m => m.IsVariant && modes.All(p => p.Name != m.Parent)))
        {
            throw new UsageException($"mode '{variant.Name}' is measured beside its parent: add {variant.Parent} to --modes");
        }

        return modes;
    }

    /// <summary>
    /// parent+knob (runc+unconfined): a Linux container mode of the catalog with one knob changed. Null when the name
    /// has no '+' (the caller says the mode is unknown); a bad knob or a parent that cannot take one is refused here.
    /// </summary>
    private static IsolationMode? VariantOf(string name, ModeCatalog catalog)
    {
        var at = name.LastIndexOf(IsolationBench.Results.ModeVariants.Separator);
        if (at < 0)
        {
            return null;
        }

        var knobs = string.Join(", ", IsolationBench.Results.ModeVariants.Knobs);
        var parentName = name[..at];
        var knob = name[(at + 1)..];
        if (!IsolationBench.Results.ModeVariants.Knobs.Contains(knob, StringComparer.Ordinal))
        {
            throw new UsageException($"mode '{Printable(name)}': unknown knob '{Printable(knob)}': a variant is MODE+KNOB with one of {knobs} (e.g. runc+unconfined)");
        }

        var parent = catalog.Find(parentName);
        if (parent is null)
        {
            var offered = string.Join(", ", catalog.Available.Where(m => m.Kind == ModeKind.Container && m.Isolation is null).Select(m => m.Name));
            throw new UsageException($"mode '{Printable(name)}': '{Printable(parentName)}' is not a mode this host offers; a variant's parent is one of its Linux container modes ({(offered.Length == 0 ? "none here" : offered)})");
        }

        if (parent.Kind != ModeKind.Container || parent.Isolation is not null)
        {
            throw new UsageException($"mode '{name}': only a Linux container mode (runc, crun, runsc…) takes a knob, not {parent.Name}: drop the '+{knob}'");
        }

        return parent.WithKnob(knob);
    }

    /// <summary>A name echoed in an error stays one printable line, however hostile the input.</summary>
    private static string Printable(string text) =>
        new(text.Take(64).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    internal static List<string> SplitList(string list, string option, string example)
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
