using System.Globalization;
using IsolationBench.Harness;

namespace IsolationBench.Cli.CommandLine;

/// <summary>
/// The options and positional arguments of one command, with typed, one-line-error accessors. An option not given reads
/// as its declared default (<see cref="OptionSpec.Default"/>, the value help shows); <see cref="Has"/> says whether it was given.
/// </summary>
internal sealed class ParsedArguments(string command, IReadOnlyDictionary<string, string?> options, IReadOnlyList<string> positionals, IReadOnlyDictionary<string, string>? defaults = null)
{
    public string Command { get; } = command;

    public IReadOnlyList<string> Positionals { get; } = positionals;

    public bool Has(string option) => options.ContainsKey(option);

    public string? String(string option) => options.TryGetValue(option, out var v) ? v : defaults?.GetValueOrDefault(option);

    /// <summary>A whole number, given or the declared default.</summary>
    public int Int(string option) => String(option) is null
        ? throw new InvalidOperationException($"{option} has no declared default")
        : Int(option, 0);

    public int Int(string option, int fallback)
    {
        var raw = String(option);
        if (raw is null)
        {
            return fallback;
        }

        return int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"{option} '{raw}' is not a whole number");
    }

    /// <summary>A percentage such as "10%" or "10" → 0.10.</summary>
    public double Percent(string option, double fallback)
    {
        var raw = String(option);
        if (raw is null)
        {
            return fallback;
        }

        var text = raw.TrimEnd('%');
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value < 1000
            ? value / 100.0
            : throw new UsageException($"{option} '{raw}' is not a percentage such as 10%");
    }

    public string Positional(int index, string name)
    {
        return index < Positionals.Count
            ? Positionals[index]
            : throw new UsageException($"'{Command}' needs {name}: isobench {Command} {name}");
    }
}
