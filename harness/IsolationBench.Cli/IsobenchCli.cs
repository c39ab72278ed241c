using IsolationBench.Cli.CommandLine;
using IsolationBench.Cli.Commands;
using IsolationBench.Harness;
using IsolationBench.Harness.Engine;
using IsolationBench.Results;

namespace IsolationBench.Cli;

/// <summary>Dispatches a command line and maps every known error to one line and an exit code.</summary>
/// <param name="helpWidth">Where help wraps: the terminal's width on a terminal, else a fixed width so logs and docs read alike.</param>
internal sealed class IsobenchCli(TextWriter output, TextWriter error, bool interactive, string workingDirectory, int helpWidth = IsobenchCli.FixedHelpWidth)
{
    public const int FixedHelpWidth = 100;

    private static readonly IReadOnlyList<ICommand> Commands =
    [
        new RunCommand(),
        new ReportCommand(),
        new PublishCommand(),
        new CompareCommand(),
        new DoctorCommand(),
        new CleanCommand(),
        new WhereAmICommand(),
    ];

    private static readonly IsobenchCommandLine CommandLine = new(
        Commands.Select(c => c.Spec),
        "isobench — what does container isolation cost your workload on your host?\n"
        + "Exit codes: 0 ok, 1 something failed, 2 bad input (nothing run), 130 interrupted.\n"
        + "Arguments can come from a response file: isobench @nightly.rsp (words as on the command line, \"quotes\" around spaces, # comments).");

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] == "help")
        {
            // `isobench` alone is a question without a command: help, and exit 2 as for any incomplete input.
            var help = CommandLine.Parse([.. args.Skip(1), "--help"]);
            var shown = await IsobenchCommandLine.InvokeOwnAsync(help, output, error, helpWidth, cancellationToken).ConfigureAwait(false);
            return args.Count == 0 ? ExitCodes.Usage : shown;
        }

        var parse = CommandLine.Parse(args);
        if (CommandLine.IsOwnAction(parse))
        {
            return await IsobenchCommandLine.InvokeOwnAsync(parse, output, error, helpWidth, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var (spec, parsed) = CommandLine.Bind(args, parse);
            var command = Commands.First(c => ReferenceEquals(c.Spec, spec));
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
}
