using IsolationBench.Cli.CommandLine;
using IsolationBench.Cli.Commands;
using IsolationBench.Harness;
using IsolationBench.Harness.Engine;
using IsolationBench.Results;

namespace IsolationBench.Cli;

/// <summary>Dispatches a command line and maps every known error to one line and an exit code.</summary>
internal sealed class IsobenchCli(TextWriter output, TextWriter error, bool interactive, string workingDirectory)
{
    private readonly IReadOnlyList<ICommand> _commands =
    [
        new RunCommand(),
        new ReportCommand(),
        new PublishCommand(),
        new CompareCommand(),
        new DoctorCommand(),
        new CleanCommand(),
        new WhereAmICommand(),
    ];

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintHelp();
            return args.Count == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        var command = _commands.FirstOrDefault(c => c.Spec.Name == args[0]);
        if (command is null)
        {
            error.WriteLine($"isobench: unknown command '{args[0]}': choose from {string.Join(", ", _commands.Select(c => c.Spec.Name))}");
            return ExitCodes.Usage;
        }

        if (args.Skip(1).Any(a => a is "-h" or "--help"))
        {
            PrintCommandHelp(command.Spec);
            return ExitCodes.Ok;
        }

        try
        {
            var parsed = ArgumentParser.Parse(command.Spec, [.. args.Skip(1)]);
            if (command.Spec.Name is not ("whereami" or "run"))
            {
                // `run` sweeps in its own preflight; whereami must work inside a container with no engine.
                var swept = await LeftoverSweep.RunAsync(parsed.String("--engine"), parsed.Has("--insecure-engine"), cancellationToken, EngineTlsOptions.From(parsed)).ConfigureAwait(false);
                if (swept > 0)
                {
                    output.WriteLine($"isobench: removed {swept} container(s) left behind by an earlier run");
                }
            }

            return await command.ExecuteAsync(parsed, new CliContext(output, error, interactive, workingDirectory), cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            error.WriteLine("isobench: " + ex.Message);
            return ExitCodes.Usage;
        }
        catch (ResultsFormatException ex)
        {
            error.WriteLine("isobench: " + ex.Message);
            return ExitCodes.Usage;
        }
        catch (EngineUnavailableException ex)
        {
            error.WriteLine("isobench: " + ex.Message);
            return ExitCodes.Usage;
        }
        catch (EngineLostException ex)
        {
            error.WriteLine("isobench: " + ex.Message);
            return ExitCodes.Failed;
        }
        catch (EngineRequestException ex)
        {
            error.WriteLine("isobench: " + ex.Message);
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("isobench: interrupted; containers removed, partial results kept (manifest status: partial)");
            return ExitCodes.Interrupted;
        }
    }

    private void PrintHelp()
    {
        output.WriteLine("isobench — what does container isolation cost your workload on your host?");
        output.WriteLine();
        foreach (var c in _commands)
        {
            output.WriteLine($"  {c.Spec.Name,-10} {c.Spec.Summary}");
        }

        output.WriteLine();
        output.WriteLine("isobench COMMAND --help shows a command's options. Exit codes: 0 ok, 1 something failed, 2 bad input, 130 interrupted.");
    }

    private void PrintCommandHelp(CommandSpec spec)
    {
        output.WriteLine($"usage: {spec.Usage}");
        output.WriteLine(spec.Summary);
        foreach (var o in spec.Options)
        {
            output.WriteLine($"  {o.Name,-18} {o.Help}");
        }
    }
}
