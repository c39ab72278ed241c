using IsolationBench.Harness;

namespace IsolationBench.Cli.CommandLine;

/// <summary>One command's grammar: its options (flags take no value) and how many positionals it takes.</summary>
internal sealed record CommandSpec(string Name, string Summary, IReadOnlyList<OptionSpec> Options, int MinPositionals, int MaxPositionals, string Usage);

internal sealed record OptionSpec(string Name, bool IsFlag, string Help);

/// <summary>
/// A small, strict parser: every error is one line that names the problem and the valid choices
/// (the CLI turns it into exit code 2). Accepts "--name value" and "--name=value".
/// </summary>
internal static class ArgumentParser
{
    public static ParsedArguments Parse(CommandSpec spec, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(args);
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var positionals = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                positionals.Add(arg);
                continue;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            var option = spec.Options.FirstOrDefault(o => o.Name == name)
                ?? throw new UsageException($"unknown option {name} for '{spec.Name}': valid options are {string.Join(", ", spec.Options.Select(o => o.Name))}");
            if (options.ContainsKey(name))
            {
                throw new UsageException($"{name} is given twice: give it once");
            }

            if (option.IsFlag)
            {
                options[name] = eq > 0 ? throw new UsageException($"{name} takes no value") : null;
            }
            else if (eq > 0)
            {
                options[name] = arg[(eq + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[name] = args[++i];
            }
            else
            {
                throw new UsageException($"{name} needs a value: {option.Help}");
            }
        }

        if (positionals.Count < spec.MinPositionals || positionals.Count > spec.MaxPositionals)
        {
            throw new UsageException($"'{spec.Name}' takes {Describe(spec)}: {spec.Usage}");
        }

        return new ParsedArguments(spec.Name, options, positionals);
    }

    private static string Describe(CommandSpec spec) => spec.MaxPositionals == 0
        ? "no positional arguments"
        : spec.MinPositionals == spec.MaxPositionals ? $"{spec.MinPositionals} argument(s)" : $"{spec.MinPositionals} to {spec.MaxPositionals} arguments";
}
