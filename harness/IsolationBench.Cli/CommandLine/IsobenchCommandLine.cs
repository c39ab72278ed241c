using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using IsolationBench.Harness;

namespace IsolationBench.Cli.CommandLine;

/// <summary>
/// The command specs as System.CommandLine's grammar: it tokenizes (POSIX "--name value", "--name=value", Windows
/// "--name:value", "/?" and "/h" for help), expands response files (@file), writes help and answers shell completion
/// ([suggest] directive, for dotnet-suggest). Its own error output is never printed: <see cref="Bind"/> turns the first
/// problem into our one line (a <see cref="UsageException"/>), with "did you mean" for a mistyped command or option.
/// </summary>
internal sealed class IsobenchCommandLine
{
    private readonly RootCommand _root;
    private readonly Dictionary<Command, CommandSpec> _specs = [];
    private readonly Dictionary<Command, List<Argument>> _positionals = [];

    public IsobenchCommandLine(IEnumerable<CommandSpec> specs, string summary)
    {
        ArgumentNullException.ThrowIfNull(specs);
        _root = new RootCommand(summary);
        foreach (var spec in specs)
        {
            var command = new Command(spec.Name, spec.Summary);
            foreach (var option in spec.Options)
            {
                command.Options.Add(Build(option));
            }

            // Every positional is optional to System.CommandLine: the count is checked in Bind, for our one-line message.
            var arguments = spec.Arguments.Select((a, i) => Positional(a.Name, a.Help, i == spec.Arguments.Count - 1 ? spec.MaxPositionals - i : 1)).ToList();
            foreach (var argument in arguments)
            {
                command.Arguments.Add(argument);
            }

            _positionals[command] = arguments;

            _specs[command] = spec;
            _root.Subcommands.Add(command);
        }
    }

    public IReadOnlyList<string> CommandNames => [.. _specs.Values.Select(s => s.Name)];

    public ParseResult Parse(IReadOnlyList<string> args) => _root.Parse(args);

    /// <summary>
    /// Help, version and the [suggest] directive are System.CommandLine's to run; parse errors and commands are ours. An
    /// unknown command stays an error even with --help (System.CommandLine would show the root's help and exit 0): scripts
    /// such as run.ps1 ask `isobench report --help` whether a command exists.
    /// </summary>
    public bool IsOwnAction(ParseResult parse) =>
        parse?.Action is { } action
        && action is not ParseErrorAction
        && !(action is HelpAction && parse.CommandResult.Command == _root && parse.UnmatchedTokens.Count > 0);

    /// <summary>Runs help, --version or [suggest] with output to our writers; 0 unless that action fails.</summary>
    public static Task<int> InvokeOwnAsync(ParseResult parse, TextWriter output, TextWriter error, int helpWidth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.Action is HelpAction help)
        {
            help.MaxWidth = helpWidth;
        }

        return parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, cancellationToken);
    }

    /// <summary>The parsed command and its arguments, or a <see cref="UsageException"/> naming the first problem in one line.</summary>
    public (CommandSpec Spec, ParsedArguments Arguments) Bind(IReadOnlyList<string> args, ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(parse);
        var result = parse.CommandResult;
        if (!_specs.TryGetValue(result.Command, out var spec))
        {
            throw UnknownCommand(parse);
        }

        // "--json=yes": System.CommandLine would split it into the flag and a stray "yes".
        foreach (var flag in spec.Options.Where(o => o.IsFlag))
        {
            if (args.FirstOrDefault(a => a.StartsWith(flag.Name + "=", StringComparison.Ordinal) || a.StartsWith(flag.Name + ":", StringComparison.Ordinal)) is not null)
            {
                throw new UsageException($"{flag.Name} takes no value");
            }
        }

        var unmatched = parse.UnmatchedTokens;
        if (unmatched.FirstOrDefault(LooksLikeOption) is { } unknown)
        {
            var names = spec.Options.Select(o => o.Name).ToList();
            var hint = Suggestion.Nearest(unknown, names) is { } near ? $"; did you mean {near}?" : string.Empty;
            throw new UsageException($"unknown option {unknown} for '{spec.Name}': valid options are {string.Join(", ", names)}{hint}");
        }

        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var given = result.Children.OfType<OptionResult>().Where(o => !o.Implicit).ToList();
        foreach (var option in given)
        {
            var name = option.Option.Name;
            var declared = spec.Options.FirstOrDefault(o => o.Name == name);
            if (declared is null)
            {
                continue; // --help and --version are System.CommandLine's own and never reach a command.
            }

            if (option.IdentifierTokenCount > 1)
            {
                throw new UsageException($"{name} is given twice: give it once");
            }

            if (!declared.IsFlag && option.Tokens.Count == 0)
            {
                throw new UsageException($"{name} needs a value: {declared.Help}");
            }

            options[name] = declared.IsFlag ? null : option.Tokens[0].Value;
        }

        var positionals = _positionals[result.Command]
            .SelectMany(a => result.GetResult(a)?.Tokens.Select(t => t.Value) ?? [])
            .Concat(unmatched)
            .ToList();
        if (positionals.Count < spec.MinPositionals || positionals.Count > spec.MaxPositionals)
        {
            throw new UsageException($"'{spec.Name}' takes {Describe(spec)}: {spec.Usage}");
        }

        // Anything else System.CommandLine objects to (an unreadable response file, …), in its own words.
        if (parse.Errors.Count > 0 && unmatched.Count == 0)
        {
            throw new UsageException(parse.Errors[0].Message.ReplaceLineEndings(" "));
        }

        var defaults = spec.Options.Where(o => o.Default is not null).ToDictionary(o => o.Name, o => o.Default!, StringComparer.Ordinal);
        return (spec, new ParsedArguments(spec.Name, options, positionals, defaults));
    }

    private UsageException UnknownCommand(ParseResult parse)
    {
        if (parse.UnmatchedTokens.Count == 0)
        {
            // No command word: an unreadable response file says so; otherwise the command is missing.
            return parse.Errors.FirstOrDefault(e => e.SymbolResult is null) is { } first && parse.Tokens.Count == 0 && !first.Message.Contains("command", StringComparison.OrdinalIgnoreCase)
                ? new UsageException(first.Message.ReplaceLineEndings(" "))
                : new UsageException($"no command given: choose from {string.Join(", ", CommandNames)} (isobench --help)");
        }

        var typed = parse.UnmatchedTokens[0];
        var hint = Suggestion.Nearest(typed, CommandNames) is { } near ? $"; did you mean {near}?" : string.Empty;
        return new UsageException($"unknown command '{typed}': choose from {string.Join(", ", CommandNames)}{hint}");
    }

    /// <summary>A positional that takes one value is a string to System.CommandLine; one that takes several, an array.</summary>
    private static Argument Positional(string name, string help, int max) => max == 1
        ? new Argument<string>(name) { Description = help, Arity = ArgumentArity.ZeroOrOne }
        : new Argument<string[]>(name) { Description = help, Arity = new ArgumentArity(0, max) };

    private static Option Build(OptionSpec spec)
    {
        if (spec.IsFlag)
        {
            return new Option<bool>(spec.Name) { Description = spec.Help, Arity = ArgumentArity.Zero };
        }

        var option = new Option<string>(spec.Name)
        {
            Description = spec.Choices is { } choices && spec.ValueName is not null
                ? $"{spec.Help} (valid: {string.Join(", ", choices)})"
                : spec.Help,
            HelpName = spec.ValueName ?? (spec.Choices is { } c ? string.Join('|', c) : null),
            Arity = ArgumentArity.ExactlyOne,
        };
        if (spec.Default is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }

        if (spec.Choices is { } values)
        {
            option.CompletionSources.Add([.. values]);
        }

        return option;
    }

    private static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string Describe(CommandSpec spec) => spec.MaxPositionals == 0
        ? "no positional arguments"
        : spec.MinPositionals == spec.MaxPositionals ? $"{spec.MinPositionals} argument(s)" : $"{spec.MinPositionals} to {spec.MaxPositionals} arguments";
}
