using System.Globalization;
using IsolationBench.Cli.CommandLine;
using IsolationBench.Harness;
using IsolationBench.Reporting;

namespace IsolationBench.Cli.Commands;

internal sealed class PublishCommand : ICommand
{
    public CommandSpec Spec { get; } = new(
        "publish",
        "copy a run's report page and charts (or a fleet report's folder) into a docs folder (relative links only)",
        [new("--baseline", false, "baseline used if the report must be written first (default: the run's own, from manifest.json)") { ValueName = "MODE" }],
        2,
        2,
        "isobench publish RUN_DIR|FLEET_DIR DOCS_DIR")
    {
        Arguments = [("RUN_DIR", "a run folder, or a fleet report's folder"), ("DOCS_DIR", "the folder to publish into, e.g. docs")],
    };

    public async Task<int> ExecuteAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var runDir = args.Positional(0, "RUN_DIR");
        var docs = args.Positional(1, "DOCS_DIR");
        if (File.Exists(docs))
        {
            throw new UsageException($"{docs} is a file: give the docs folder");
        }

        // A folder that is itself a report and no run (a fleet report: isobench report RUN_A RUN_B …) is published as it is.
        var isReport = File.Exists(Path.Combine(runDir, ReportFiles.Html)) && !File.Exists(Path.Combine(runDir, "manifest.json"));
        var reportDir = isReport ? runDir : Path.Combine(runDir, "report");
        if (!File.Exists(Path.Combine(reportDir, ReportFiles.Html)))
        {
            await ReportCommand.WriteAsync(runDir, args.String("--baseline"), null, cancellationToken).ConfigureAwait(false);
        }

        var copied = ReportPublisher.Publish(reportDir, docs);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"published {copied.Count} file(s) to {Path.GetFullPath(docs)}"));
        return ExitCodes.Ok;
    }
}
