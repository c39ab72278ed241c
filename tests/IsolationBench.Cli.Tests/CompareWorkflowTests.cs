using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace IsolationBench.Cli.Tests;

/// <summary>
/// Lints .github/workflows/nightly.yml, which cannot run here: YAML structure, runners, schedule, steps, and that every
/// isobench / run.ps1 invocation in it uses a command and options that exist (the gate must not rot silently).
/// </summary>
public sealed partial class CompareWorkflowTests
{
    private static readonly string WorkflowPath = WorkflowYaml.PathOf("nightly.yml");

    private static YamlMappingNode Root() => WorkflowYaml.Root("nightly.yml");

    private static YamlNode? Get(YamlMappingNode map, string key) => WorkflowYaml.Get(map, key);

    private static YamlMappingNode Job(string name) => WorkflowYaml.Job(Root(), name);

    private static IEnumerable<YamlMappingNode> Steps(string job) => ((YamlSequenceNode)Get(Job(job), "steps")!).Children.Cast<YamlMappingNode>();

    private static IEnumerable<string> Scripts() =>
        new[] { "windows", "linux", "fleet" }.SelectMany(Steps).Select(s => Get(s, "run")).OfType<YamlScalarNode>().Select(n => n.Value!);

    [Fact]
    public void Is_plain_yaml_without_tabs_with_a_valid_nightly_schedule_and_manual_dispatch()
    {
        Assert.DoesNotContain('\t', File.ReadAllText(WorkflowPath));
        var on = (YamlMappingNode)Get(Root(), "on")!;
        var cron = ((YamlScalarNode)Get((YamlMappingNode)((YamlSequenceNode)Get(on, "schedule")!).Children.Single(), "cron")!).Value!;
        Assert.NotNull(Get(on, "workflow_dispatch"));

        var fields = cron.Split(' ');
        Assert.Equal(5, fields.Length);
        (int Min, int Max)[] ranges = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 6)];
        foreach (var (field, (min, max)) in fields.Zip(ranges))
        {
            Assert.True(CronField(field, min, max), $"cron field '{field}' is not valid in {min}-{max}");
        }
    }

    [Theory]
    [InlineData("windows", new[] { "self-hosted", "windows", "hyperv" }, "host,process,hyperv")]
    [InlineData("linux", new[] { "self-hosted", "linux" }, "host,runc,crun,runsc")]
    public void Each_job_runs_on_its_self_hosted_runner_with_its_modes_and_every_step_does_one_thing(string job, string[] labels, string modes)
    {
        var runsOn = ((YamlSequenceNode)Get(Job(job), "runs-on")!).Children.Cast<YamlScalarNode>().Select(n => n.Value).ToList();
        Assert.All(labels, l => Assert.Contains(l, runsOn));
        Assert.True(Get(Job(job), "timeout-minutes") is not null, "a hung engine must not hold the runner forever");

        var steps = Steps(job).ToList();
        Assert.All(steps, s =>
        {
            Assert.True(Get(s, "name") is not null, "every step is named");
            Assert.True(Get(s, "run") is not null ^ Get(s, "uses") is not null, "a step has exactly one of run / uses");
            if (Get(s, "uses") is YamlScalarNode uses)
            {
                Assert.Matches(@"^[\w.-]+/[\w.-]+@v\d+$", uses.Value!);
            }
        });
        var scripts = string.Join('\n', steps.Select(s => Get(s, "run")).OfType<YamlScalarNode>().Select(n => n.Value));
        Assert.Contains("-Modes " + modes, scripts, StringComparison.Ordinal);
        Assert.Contains("report", scripts, StringComparison.Ordinal);
        Assert.Contains("--history", scripts, StringComparison.Ordinal);
        Assert.Contains("compare \"last:", scripts, StringComparison.Ordinal);
        Assert.Contains(steps, s => Get(s, "uses") is YamlScalarNode u && u.Value!.StartsWith("actions/checkout@", StringComparison.Ordinal)
            && Get(s, "with") is YamlMappingNode w && Get(w, "ref") is YamlScalarNode r && r.Value == "gh-pages");
        Assert.Contains(steps, s => Get(s, "if") is not null && Get(s, "run") is YamlScalarNode r && r.Value!.Contains("exit 1", StringComparison.Ordinal)
            && Get(s, "name") is YamlScalarNode n && n.Value!.Contains("regression", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_fleet_job_sets_both_nights_side_by_side_after_both_jobs()
    {
        var fleet = Job("fleet");
        var needs = ((YamlSequenceNode)Get(fleet, "needs")!).Children.Cast<YamlScalarNode>().Select(n => n.Value).ToList();
        Assert.Equal(["windows", "linux"], needs);
        Assert.Contains("!cancelled()", ((YamlScalarNode)Get(fleet, "if")!).Value!, StringComparison.Ordinal);
        var steps = Steps("fleet").ToList();
        Assert.All(steps, s => Assert.True(Get(s, "run") is not null ^ Get(s, "uses") is not null, "a step has exactly one of run / uses"));

        // It downloads exactly what the two jobs upload, and reports on the two folders it downloaded them to.
        var uploads = new[] { "windows", "linux" }.SelectMany(Steps)
            .Where(s => Get(s, "uses") is YamlScalarNode u && u.Value!.StartsWith("actions/upload-artifact@", StringComparison.Ordinal))
            .Select(s => ((YamlScalarNode)Get((YamlMappingNode)Get(s, "with")!, "name")!).Value).ToList();
        var downloads = steps.Where(s => Get(s, "uses") is YamlScalarNode u && u.Value!.StartsWith("actions/download-artifact@", StringComparison.Ordinal))
            .Select(s => (YamlMappingNode)Get(s, "with")!).ToList();
        Assert.Equal(uploads.Order(), downloads.Select(w => ((YamlScalarNode)Get(w, "name")!).Value).Order());
        var paths = downloads.Select(w => ((YamlScalarNode)Get(w, "path")!).Value!).ToList();
        var script = string.Join('\n', steps.Select(s => Get(s, "run")).OfType<YamlScalarNode>().Select(n => n.Value));
        Assert.Contains("-- report " + string.Join(' ', paths) + " --out", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_isobench_command_and_option_it_uses_exists()
    {
        var calls = Scripts().SelectMany(s => s.Split('\n')).Select(l => IsobenchCall().Match(l)).Where(m => m.Success).ToList();
        Assert.True(calls.Count >= 4, "report and compare, in both jobs");
        foreach (var call in calls)
        {
            var command = call.Groups["command"].Value;
            var (exit, help, _) = await CliRunner.RunAsync(command, "--help");
            Assert.Equal(0, exit);
            foreach (Match option in OptionName().Matches(call.Groups["rest"].Value))
            {
                Assert.Contains("  " + option.Value + " ", help, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_run_ps1_parameter_it_passes_exists()
    {
        var runPs1 = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "run.ps1"));
        var parameters = Scripts().SelectMany(s => s.Split('\n')).Where(l => l.Contains("run.ps1", StringComparison.Ordinal))
            .SelectMany(l => PsParameter().Matches(l[l.IndexOf("run.ps1", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value)).Distinct().ToList();
        Assert.Contains("Modes", parameters);
        Assert.All(parameters, p => Assert.Matches(@"\[(string|switch)\]\s+\$" + p + @"\b", runPs1));
    }

    private static bool CronField(string field, int min, int max) => field.Split(',').All(part =>
    {
        var (range, step) = part.Split('/') is [var r, var s] ? (r, s) : (part, "1");
        if (!int.TryParse(step, out var st) || st < 1)
        {
            return false;
        }

        if (range == "*")
        {
            return true;
        }

        var bounds = range.Split('-');
        return bounds.Length <= 2 && bounds.All(b => int.TryParse(b, out var v) && v >= min && v <= max);
    });

    [GeneratedRegex(@"IsolationBench\.Cli(?: -c Release)? -- (?<command>[a-z]+)(?<rest>.*)$")]
    private static partial Regex IsobenchCall();

    [GeneratedRegex(@"(?<=\s)--[a-z][a-z-]*")]
    private static partial Regex OptionName();

    [GeneratedRegex(@"\s-([A-Z][A-Za-z]+)\b")]
    private static partial Regex PsParameter();
}
