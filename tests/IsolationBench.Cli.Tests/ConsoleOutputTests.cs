using System.Globalization;
using System.Text.RegularExpressions;
using IsolationBench.Cli.Commands;
using IsolationBench.Cli.Output;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using Spectre.Console;

namespace IsolationBench.Cli.Tests;

/// <summary>
/// Terminal or plain is decided in one place; the plain progress lines (what CI logs and scripts read) parse back to the
/// progress they came from; the drawn tables carry the plain tables' figures, coloured by verdict.
/// </summary>
public sealed partial class ConsoleOutputTests
{
    [Theory]
    [InlineData(false, null, null, "xterm-256color", true)]
    [InlineData(true, null, null, "xterm-256color", false)]
    [InlineData(false, "1", null, "xterm-256color", false)]
    [InlineData(false, "", null, "xterm-256color", true)]
    [InlineData(false, null, "true", "xterm-256color", false)]
    [InlineData(false, null, null, "dumb", false)]
    public void Rich_output_only_on_a_terminal_without_NO_COLOR_CI_or_a_dumb_TERM(bool redirected, string? noColor, string? ci, string term, bool rich)
    {
        var environment = new Dictionary<string, string?> { ["NO_COLOR"] = noColor, ["CI"] = ci, ["TERM"] = term };

        Assert.Equal(rich, Terminal.IsRich(redirected, name => environment.GetValueOrDefault(name)));
    }

    [Fact]
    public void Redirected_output_gets_the_plain_progress_printer()
    {
        using var output = new StringWriter();
        using var plain = RunProgress.For(output, rich: false);
        using var live = RunProgress.For(output, rich: true);

        Assert.IsType<ProgressPrinter>(plain);
        Assert.IsType<LiveProgress>(live);
    }

    [Fact]
    public async Task Plain_progress_lines_parse_back_to_the_progress_they_report()
    {
        var sent = Enumerable.Range(1, 40).Select(done => new MatrixProgress(
            done,
            40,
            new MatrixCell(done % 10, done <= 4, done % 2 == 0 ? "startup" : "syscall", done % 3 == 0 ? IsolationMode.Host : IsolationMode.ForRuntime("runc")),
            done % 4 == 0 ? null : 100 + (done * 1.25),
            done == 7 ? "container exited 1" : null,
            TimeSpan.FromSeconds(40 - done))).ToList();
        using var output = new StringWriter();
        using (var printer = new ProgressPrinter(output))
        {
            await printer.RunAsync(() =>
            {
                sent.ForEach(printer.Report);
                return Task.FromResult(0);
            });
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var progress = lines.Where(l => l.StartsWith('[')).ToList();
        Assert.Equal(20, progress.Count); // ~5 % steps: one line per 2 of 40 cells
        Assert.Contains("  failed: ", lines.Single(l => !l.StartsWith('[')), StringComparison.Ordinal);
        foreach (var line in progress)
        {
            var m = ProgressLine().Match(line);
            Assert.True(m.Success, line);
            var done = int.Parse(m.Groups["done"].Value, CultureInfo.InvariantCulture);
            var expected = sent[done - 1];
            Assert.Equal(expected.Total, int.Parse(m.Groups["total"].Value, CultureInfo.InvariantCulture));
            Assert.Equal(done * 100 / 40, int.Parse(m.Groups["percent"].Value, CultureInfo.InvariantCulture));
            Assert.Equal(expected.Cell.Workload, m.Groups["workload"].Value);
            Assert.Equal(expected.Cell.Mode.Name, m.Groups["mode"].Value);
            Assert.Equal(expected.Cell.Round, int.Parse(m.Groups["round"].Value, CultureInfo.InvariantCulture));
            Assert.Equal(expected.Cell.Warmup, m.Groups["warmup"].Success);
            Assert.Equal(expected.HeadlineMilliseconds?.ToString("0.0", CultureInfo.InvariantCulture), m.Groups["ms"].Success ? m.Groups["ms"].Value : null);
            Assert.Equal(TimeSpan.FromSeconds(40 - done), TimeSpan.ParseExact(m.Groups["eta"].Value, @"m\:ss", CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Live_progress_shows_a_bar_per_workload_with_its_current_cell_and_last_value_and_prints_failures()
    {
        var runc = IsolationMode.ForRuntime("runc");
        var totals = new Dictionary<string, int> { ["startup"] = 2, ["syscall"] = 1 };
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.Yes });
        console.Profile.Width = 200;
        var live = new LiveProgress(console);

        var result = await live.RunAsync(() =>
        {
            live.Message("building images");
            live.Report(new MatrixProgress(1, 3, new MatrixCell(1, false, "startup", IsolationMode.Host), 12.5, null, TimeSpan.FromSeconds(20)) { TotalByWorkload = totals });
            live.Report(new MatrixProgress(2, 3, new MatrixCell(1, false, "syscall", runc), null, "exit code 3 [oops]", TimeSpan.FromSeconds(10)) { TotalByWorkload = totals });
            live.Report(new MatrixProgress(3, 3, new MatrixCell(2, false, "startup", runc), 245.25, null, TimeSpan.Zero) { TotalByWorkload = totals });
            return Task.FromResult(42);
        });

        var text = output.ToString();
        Assert.Equal(42, result);
        Assert.Contains("building images", text, StringComparison.Ordinal);
        Assert.Contains("failed: 1/syscall/runc: exit code 3 [oops]", text, StringComparison.Ordinal);
        Assert.Contains("all cells 3/3 · ETA 0:00", text, StringComparison.Ordinal);
        Assert.Contains("startup          runc round 2 245.3 ms", text, StringComparison.Ordinal);
        Assert.Contains("syscall          runc round 1", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vm-run")]
    [InlineData("startup-split-run")]
    [InlineData("density-run")]
    public void Drawn_tables_carry_every_mode_and_the_plain_tables_figures(string run)
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", run);
        var analysis = ReportCommand.Analyze(fixture, null);
        using var plainText = new StringWriter();
        ConsoleTables.Write(plainText, analysis);
        using var drawnText = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(drawnText), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        console.Profile.Width = 400;

        RichTables.Write(console, analysis);

        var drawn = drawnText.ToString();
        Assert.All(analysis.Analysis.Modes, mode => Assert.Contains(mode, drawn, StringComparison.Ordinal));
        // Every figure of the plain tables (medians, factors, intervals) is in the drawn ones.
        var figures = Figure().Matches(plainText.ToString()).Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(figures);
        Assert.All(figures, f => Assert.Contains(f, drawn, StringComparison.Ordinal));
    }

    [Fact]
    public void Verdict_colours_a_significant_cost_red_a_gain_green_and_a_withheld_verdict_grey()
    {
        var interval = new Reporting.Statistics.Interval(1.5, 1.7);
        var slower = new Reporting.Statistics.BaselineComparison(1.6, interval, 1.6, interval, Significant: true, MannWhitneyP: 0.001);

        Assert.StartsWith("[red]", IsolationBench.Workloads.ConsoleText.Verdict(slower), StringComparison.Ordinal);
        Assert.StartsWith("[green]", IsolationBench.Workloads.ConsoleText.Verdict(slower with { Overhead = 0.8 }), StringComparison.Ordinal);
        Assert.StartsWith("[grey]", IsolationBench.Workloads.ConsoleText.Verdict(slower with { Withheld = "too few containers: 3" }), StringComparison.Ordinal);
        Assert.DoesNotContain("[", IsolationBench.Workloads.ConsoleText.Verdict(slower with { Significant = false }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  ✔ runc           a container on the host's kernel", "  [green]✔[/] runc           a container on the host's kernel")]
    [InlineData("  ✘ kata-runtime   not installed [see docs]", "  [red]✘[/] kata-runtime   not installed [[see docs]]")]
    [InlineData("modes available:", "[bold]modes available[/]:")]
    [InlineData("disk       results (/r): 1.0 GB free  ✘ low: need ~5 GB", "[bold]disk[/]       results (/r): 1.0 GB free  [red]✘[/] low: need ~5 GB")]
    public void Doctor_marks_are_coloured_and_the_text_is_kept(string line, string markup)
    {
        Assert.Equal(markup, Checklist.Colour(line));
    }

    [GeneratedRegex(@"^\[[#.]{20}\] +(?<done>\d+)/(?<total>\d+) +(?<percent>\d+)% (?<workload>\S+) +(?<mode>\S+) +round (?<round>\d+) *(?<warmup>\(warmup\))? +(?:(?<ms>\d+\.\d) ms)? +ETA (?<eta>\d+:\d\d)$")]
    private static partial Regex ProgressLine();

    [GeneratedRegex(@"\d+(\.\d+)?×? \(\d[\d.]*–\d[\d.]*\)|\b\d+\.\d\d\b")]
    private static partial Regex Figure();
}
