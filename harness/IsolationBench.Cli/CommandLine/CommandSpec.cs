namespace IsolationBench.Cli.CommandLine;

/// <summary>
/// One command's grammar, declared once: its options and its positional arguments (<see cref="Arguments"/> names and
/// explains them in help; the last one takes what is left up to <paramref name="MaxPositionals"/>).
/// <see cref="IsobenchCommandLine"/> turns it into System.CommandLine's command.
/// </summary>
internal sealed record CommandSpec(string Name, string Summary, IReadOnlyList<OptionSpec> Options, int MinPositionals, int MaxPositionals, string Usage)
{
    public IReadOnlyList<(string Name, string Help)> Arguments { get; init; } = [];
}

/// <summary>
/// An option: a flag (no value) or a value. <see cref="Default"/> is what the command reads when the option is not given,
/// and what help shows; <see cref="Choices"/> are its valid values (from the catalogs), shown in help and offered by shell
/// completion; <see cref="ValueName"/> names the value in help (e.g. MODE,…).
/// </summary>
internal sealed record OptionSpec(string Name, bool IsFlag, string Help)
{
    public string? Default { get; init; }

    public IReadOnlyList<string>? Choices { get; init; }

    public string? ValueName { get; init; }
}
