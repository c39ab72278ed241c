using IsolationBench.Cli.CommandLine;

namespace IsolationBench.Cli.Commands;

internal interface ICommand
{
    CommandSpec Spec { get; }

    Task<int> ExecuteAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken);
}

/// <summary>What commands print to, and where the repository is.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, bool Interactive, string WorkingDirectory);

internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The run finished but something failed: failed samples, a fingerprint mismatch, a regression.</summary>
    public const int Failed = 1;

    /// <summary>Bad input: nothing was run, nothing was overwritten.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted (Ctrl+C / SIGTERM): partial results kept and marked partial.</summary>
    public const int Interrupted = 130;
}
