using System.Globalization;
using IsolationBench.Cli.CommandLine;
using IsolationBench.Harness;
using IsolationBench.Reporting.Comparison;
using IsolationBench.Reporting.History;
using CompareOptions = IsolationBench.Reporting.Comparison.CompareOptions;

namespace IsolationBench.Cli.Commands;

/// <summary>
/// `isobench compare BASELINE CURRENT`: the nightly regression gate — exit 1 on a real regression, on a baseline mode,
/// workload or metric the current run did not deliver, or on a failure rate up by more than 5 points.
/// </summary>
internal sealed class CompareCommand : ICommand
{
    public static readonly string DefaultHistory = Path.Combine("results", HistoryStore.DefaultFileName);

    public CommandSpec Spec { get; } = new(
        "compare",
        "compare two runs (or the last N runs of a history) on their samples; exit 1 when something regressed, went missing or failed more often",
        [
            new("--threshold", false, "smallest change that counts, e.g. 10%; it must also be significant (95 % CI)") { Default = string.Create(CultureInfo.InvariantCulture, $"{CompareRule.DefaultThreshold * 100:0.#}%"), ValueName = "PERCENT" },
            new("--history", false, "history file for last:N") { Default = DefaultHistory, ValueName = "FILE" },
            new("--markdown", false, "also write the comparison as a Markdown section to this file") { ValueName = "FILE" },
        ],
        2,
        2,
        "isobench compare BASELINE CURRENT [--threshold 10%] [--history FILE] [--markdown FILE]   (each side: RUN_DIR or last:N)")
    {
        Arguments = [("BASELINE", "the run compared against: RUN_DIR or last:N (the last N runs of the history)"), ("CURRENT", "the run judged: RUN_DIR or last:N")],
    };

    public Task<int> ExecuteAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var options = new CompareOptions { Threshold = args.Percent("--threshold", CompareRule.DefaultThreshold) };
        var markdown = args.String("--markdown");
        if (markdown is not null && Directory.Exists(markdown))
        {
            throw new UsageException($"--markdown {markdown} is a folder: give a file such as compare.md");
        }

        var historyPath = args.String("--history")!;
        var baselineArg = args.Positional(0, "BASELINE");
        var currentArg = args.Positional(1, "CURRENT");
        var current = Resolve(currentArg, "CURRENT", historyPath, new HashSet<string>(StringComparer.Ordinal));
        cancellationToken.ThrowIfCancellationRequested();

        // Noisy nights stay in the baseline: skipping them would let a real effect on the CPU loop empty it for good.
        var baseline = Resolve(baselineArg, "BASELINE", historyPath, current.Runs.Select(r => r.RunId).ToHashSet(StringComparer.Ordinal));
        cancellationToken.ThrowIfCancellationRequested();

        var result = RunComparer.Compare(baseline, current, options);
        if (result.Changes.Count == 0 && result.Missing.Count == 0)
        {
            throw new UsageException($"nothing to compare: {baselineArg} and {currentArg} have no workload/metric/mode in common");
        }

        foreach (var line in ComparisonText.Preamble(result, options))
        {
            context.Out.WriteLine(line);
        }

        context.Out.WriteLine();
        context.Out.Write(ComparisonText.Table(result));
        context.Out.WriteLine();
        context.Out.WriteLine(result.Summary());
        if (markdown is not null)
        {
            var full = Path.GetFullPath(markdown);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, ComparisonText.Markdown(result, options));
            context.Out.WriteLine($"markdown: {full}");
        }

        if (result.GateFails)
        {
            if (result.Regressions.Count > 0)
            {
                var worst = string.Join(", ", result.Regressions.Take(5).Select(c =>
                    string.Create(CultureInfo.InvariantCulture, $"{c.Workload}/{c.Metric} [{c.Mode}] {c.Change * 100:+0.0} %")));
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"isobench: {result.Regressions.Count} regression(s) beyond {options.Threshold * 100:0.#} %: {worst}"));
            }

            foreach (var line in result.Missing.Concat(result.FailureRises))
            {
                context.Error.WriteLine("isobench: " + line);
            }

            return Task.FromResult(ExitCodes.Failed);
        }

        return Task.FromResult(ExitCodes.Ok);
    }

    private static CompareSide Resolve(string arg, string name, string historyPath, IReadOnlySet<string> exclude)
    {
        int? last;
        try
        {
            last = HistorySelection.ParseLast(arg);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"{name}: {ex.Message}");
        }

        if (last is not { } n)
        {
            return Directory.Exists(arg)
                ? new CompareSide(arg, [RunSamplesLoader.Load(arg, IsolationBench.Workloads.WorkloadModules.Reports)], [])
                : throw new UsageException($"{name} {arg} is neither a run directory (results/<run-id>) nor last:N");
        }

        if (!File.Exists(historyPath))
        {
            throw new UsageException($"{name} {arg} needs a history, and {historyPath} does not exist: write one with isobench report RUN_DIR --history {historyPath}, or give --history FILE");
        }

        var (runs, skipped) = HistorySelection.Last(HistoryStore.Read(historyPath), n, skipNoisy: false, exclude);
        if (runs.Count == 0)
        {
            throw new UsageException($"{name} {arg}: {historyPath} holds no usable run" + (skipped.Count > 0 ? " (skipped: " + string.Join(", ", skipped) + ")" : string.Empty));
        }

        var notes = new List<string>();
        if (skipped.Count > 0)
        {
            notes.Add($"{name} {arg} skipped {string.Join(", ", skipped)}");
        }

        if (runs.Count < n)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {arg}: only {runs.Count} run(s) available in {historyPath}"));
        }

        var loaded = runs.Select(r => Directory.Exists(r.RunDirectory)
            ? RunSamplesLoader.Load(r.RunDirectory, IsolationBench.Workloads.WorkloadModules.Reports)
            : throw new UsageException($"{name} {arg}: run {r.RunId}'s directory {r.RunDirectory} (from {historyPath}) is gone; compare needs its samples: keep the run directories, or compare RUN_DIRs")).ToList();
        return new CompareSide(arg, loaded, notes);
    }
}
