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
            new("--baseline", false, "mode every ratio divides by (default: the run's own, from manifest.json)") { ValueName = "MODE" },
            new("--out", false, "output folder (default: RUN_DIR/report; several runs: fleet-RUN_A+RUN_B… beside the first)") { ValueName = "DIR" },
            new("--history", false, "append this run to a history CSV (idempotent per run id) and add trend charts") { ValueName = "FILE" },
        ],
        1,
        MaxFleet,
        "isobench report RUN_DIR [--baseline MODE] [--out DIR] [--history FILE]  |  isobench report RUN_A RUN_B … [--out DIR] (fleet: runs of several hosts side by side)")
    {
        Arguments = [("RUN_DIR", "a run folder written by isobench run (results/<run-id>); several: a fleet report, side by side")],
    };

    private const int MaxFleet = 16;

    private static readonly string[] SingleRunOptions = ["--baseline", "--history"];

    public async Task<int> ExecuteAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        if (args.Positionals.Count > 1)
        {
            return await FleetAsync(args, context, cancellationToken).ConfigureAwait(false);
        }

        var runDir = args.Positional(0, "RUN_DIR");
        var result = await WriteAsync(runDir, args.String("--baseline"), args.String("--out"), cancellationToken, args.String("--history")).ConfigureAwait(false);
        Print(context.Out, result);
        return ExitCodes.Ok;
    }

    internal static async Task<ReportResult> WriteAsync(string runDir, string? baseline, string? output, CancellationToken cancellationToken, string? history = null)
    {
        if (!Directory.Exists(runDir))
        {
            throw new UsageException($"run directory {runDir} does not exist: give a folder written by isobench run (results/<run-id>)");
        }

        if (output is not null && File.Exists(output))
        {
            throw new UsageException($"--out {output} is a file: give a folder");
        }

        var options = new ReportOptions { Baseline = baseline, OutputDirectory = output, Workloads = IsolationBench.Workloads.WorkloadModules.Reports };
        try
        {
            return await ReportGenerator.GenerateAsync(runDir, options, history, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message.Split('\n')[0]);
        }
    }

    private static async Task<int> FleetAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        foreach (var single in SingleRunOptions.Where(args.Has))
        {
            throw new UsageException($"{single} applies to one run: a fleet report compares each run with its own baseline (give one RUN_DIR, or drop {single})");
        }

        var runs = args.Positionals;
        if (runs.FirstOrDefault(r => !Directory.Exists(r)) is { } missing)
        {
            throw new UsageException($"run directory {missing} does not exist: give folders written by isobench run (results/<run-id>)");
        }

        var output = args.String("--out")
            ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(runs[0]).TrimEnd(Path.DirectorySeparatorChar))!, "fleet-" + string.Join('+', runs.Select(r => Path.GetFileName(Path.GetFullPath(r).TrimEnd(Path.DirectorySeparatorChar)))));
        if (File.Exists(output))
        {
            throw new UsageException($"--out {output} is a file: give a folder");
        }

        try
        {
            var result = await Reporting.Fleet.FleetReport.GenerateAsync(runs, output, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports }, cancellationToken).ConfigureAwait(false);
            context.Out.WriteLine($"fleet of {runs.Count} runs, {result.Fleet.Lines.Count} mode × metric lines side by side");
            foreach (var note in result.Fleet.Notes)
            {
                context.Out.WriteLine("  " + note);
            }

            context.Out.WriteLine($"report: {result.ReportMarkdown}");
            context.Out.WriteLine($"page:   {result.IndexHtml}");
            return ExitCodes.Ok;
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message.Split('\n')[0]);
        }
    }

    /// <summary>The judged analysis the report is written from, for the console tables.</summary>
    internal static Reporting.Analysers.JudgedAnalysis Analyze(string runDir, string? baseline)
    {
        try
        {
            return ReportGenerator.Judge(runDir, new ReportOptions { Baseline = baseline, Workloads = IsolationBench.Workloads.WorkloadModules.Reports });
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
        foreach (var history in result.FilesWritten.Where(f => f.EndsWith(".csv", StringComparison.Ordinal) && f != result.SummaryCsv))
        {
            output.WriteLine($"history: {history}");
        }
    }
}
