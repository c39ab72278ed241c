using IsolationBench.Cli.CommandLine;
using IsolationBench.Harness;
using IsolationBench.Reporting;

namespace IsolationBench.Cli.Commands;

internal sealed class ReportCommand : ICommand
{
    public CommandSpec Spec { get; } = new(
        "report",
        "compute overheads with confidence intervals and write charts, report.md, index.html, summary.csv",
        [
            new("--baseline", false, "mode every ratio divides by (default: host)"),
            new("--out", false, "output folder (default: RUN_DIR/report)"),
        ],
        1,
        1,
        "isobench report RUN_DIR [--baseline MODE] [--out DIR]");

    public async Task<int> ExecuteAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var runDir = args.Positional(0, "RUN_DIR");
        var result = await WriteAsync(runDir, args.String("--baseline"), args.String("--out"), cancellationToken).ConfigureAwait(false);
        Print(context.Out, result);
        return ExitCodes.Ok;
    }

    internal static async Task<ReportResult> WriteAsync(string runDir, string? baseline, string? output, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(runDir))
        {
            throw new UsageException($"run directory {runDir} does not exist: give a folder written by isobench run (results/<run-id>)");
        }

        if (output is not null && File.Exists(output))
        {
            throw new UsageException($"--out {output} is a file: give a folder");
        }

        var options = new ReportOptions { Baseline = baseline ?? ReportOptions.DefaultBaseline, OutputDirectory = output };
        try
        {
            return await ReportGenerator.GenerateAsync(runDir, options, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message.Split('\n')[0]);
        }
    }

    internal static void Print(TextWriter output, ReportResult result)
    {
        foreach (var verdict in result.Verdicts)
        {
            output.WriteLine("  " + verdict.Sentence);
        }

        foreach (var warning in result.Warnings)
        {
            output.WriteLine("  warning: " + warning);
        }

        output.WriteLine($"report: {result.ReportMarkdown}");
        output.WriteLine($"page:   {result.IndexHtml}");
    }
}
