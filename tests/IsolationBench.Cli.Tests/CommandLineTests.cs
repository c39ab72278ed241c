using IsolationBench.Cli.CommandLine;

namespace IsolationBench.Cli.Tests;

/// <summary>What System.CommandLine brings to isobench: suggestions, help with defaults, response files, completion — each still within the one-line, exit-2 contract.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("isobench-cmdline-").FullName;

    [Fact]
    public async Task A_mistyped_option_is_one_line_with_the_suggestion_exit_2_and_nothing_run()
    {
        var (exit, output, err) = await CliRunner.RunAsync("run", "--modse", "host", "--output", _dir, "--run-id", "typo");

        Assert.Equal(2, exit);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("isobench: unknown option --modse for 'run': ", err, StringComparison.Ordinal);
        Assert.EndsWith("did you mean --modes?", err.TrimEnd(), StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.False(Directory.Exists(Path.Combine(_dir, "typo")));
    }

    [Theory]
    [InlineData("rnu", "; did you mean run?")]
    [InlineData("doctr", "; did you mean doctor?")]
    [InlineData("frobnicate", "")]
    public async Task An_unknown_command_names_the_commands_and_suggests_only_a_near_one(string typed, string hint)
    {
        var (exit, output, err) = await CliRunner.RunAsync(typed, "--modes", "host");

        Assert.Equal(2, exit);
        Assert.Equal($"isobench: unknown command '{typed}': choose from run, report, publish, compare, doctor, clean, whereami{hint}", err.TrimEnd());
        Assert.Empty(output);
    }

    [Fact]
    public async Task Run_help_lists_every_option_with_its_default_and_the_catalogs_values()
    {
        var (exit, output, err) = await CliRunner.RunAsync("run", "--help");

        Assert.Equal(0, exit);
        Assert.Empty(err);
        var spec = new Commands.RunCommand().Spec;
        foreach (var option in spec.Options)
        {
            Assert.Contains("  " + option.Name, output, StringComparison.Ordinal);
            if (option.Default is { } value)
            {
                Assert.Contains($"[default: {value}]", Unwrapped(output), StringComparison.Ordinal);
            }
        }

        // Defaults are RunOptions' own, and the valid values come from the catalogs (nothing typed twice).
        Assert.Contains("[default: 30]", output, StringComparison.Ordinal);
        Assert.Contains("<quick|default|thorough>", output, StringComparison.Ordinal);
        var text = Unwrapped(output);
        Assert.All(IsolationBench.Workloads.WorkloadModules.Registry.Names, w => Assert.Contains(w, text, StringComparison.Ordinal));
        Assert.Contains("host, runc, crun, runsc", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_of_an_unknown_command_is_still_an_unknown_command_exit_2()
    {
        var (exit, output, err) = await CliRunner.RunAsync("frobnicate", "--help");

        Assert.Equal(2, exit);
        Assert.StartsWith("isobench: unknown command 'frobnicate'", err, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task No_command_shows_help_and_exits_2_and_help_COMMAND_shows_that_commands_help()
    {
        var (bareExit, bare, _) = await CliRunner.RunAsync();
        var (helpExit, help, _) = await CliRunner.RunAsync("help", "run");

        Assert.Equal(2, bareExit);
        Assert.Contains("  whereami", bare, StringComparison.Ordinal);
        Assert.Equal(0, helpExit);
        Assert.Contains("  --modes <MODE,…>", help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("/?")]
    public async Task Help_answers_posix_and_windows_spellings(string flag)
    {
        var (exit, output, _) = await CliRunner.RunAsync("compare", flag);

        Assert.Equal(0, exit);
        Assert.Contains("--threshold <PERCENT>", output, StringComparison.Ordinal);
        Assert.Contains("<BASELINE>", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_file_supplies_the_arguments()
    {
        var run = FakeRun.Write(_dir, FakeRun.GoodSamples);
        var outDir = Path.Combine(_dir, "from-rsp");
        var rsp = Path.Combine(_dir, "report.rsp");
        await File.WriteAllLinesAsync(rsp, ["# the nightly report", "report", $"\"{run}\" --out \"{outDir}\""]);

        var (exit, output, err) = await CliRunner.RunAsync("@" + rsp);

        Assert.True(exit == 0, err);
        Assert.Contains("runc starts", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "index.html")));
    }

    [Fact]
    public async Task A_missing_response_file_is_one_line_exit_2()
    {
        var (exit, _, err) = await CliRunner.RunAsync("run", "@" + Path.Combine(_dir, "absent.rsp"));

        Assert.Equal(2, exit);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
        Assert.Contains("absent.rsp", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Windows_colon_and_posix_equals_both_give_an_option_its_value()
    {
        var (colonExit, _, colon) = await CliRunner.RunAsync("run", "--samples:abc");
        var (equalsExit, _, equals) = await CliRunner.RunAsync("run", "--samples=abc");

        Assert.Equal(2, colonExit);
        Assert.Equal(2, equalsExit);
        Assert.Equal("isobench: --samples 'abc' is not a whole number", colon.TrimEnd());
        Assert.Equal(colon, equals);
    }

    [Fact]
    public async Task Shell_completion_offers_options_and_the_catalogs_values()
    {
        var (optionsExit, options, _) = await CliRunner.RunAsync("[suggest:10]", "run --mo");
        var (valuesExit, values, _) = await CliRunner.RunAsync("[suggest:20]", "run --profile ");

        Assert.Equal(0, optionsExit);
        Assert.Contains("--modes", options.Split('\n').Select(l => l.Trim()));
        Assert.Equal(0, valuesExit);
        Assert.Equal(["default", "quick", "thorough"], values.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("--modse", "--modes")]
    [InlineData("--sample", "--samples")]
    [InlineData("--workload", "--workloads")]
    [InlineData("--frobnicate", null)]
    public void Suggestion_picks_a_near_name_only(string typed, string? expected)
    {
        var names = new Commands.RunCommand().Spec.Options.Select(o => o.Name);

        Assert.Equal(expected, Suggestion.Nearest(typed, names));
    }

    /// <summary>Help wraps long descriptions; the test reads them as one line each.</summary>
    private static string Unwrapped(string help) =>
        System.Text.RegularExpressions.Regex.Replace(help, @" *\n +(?!-)", " ");

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
