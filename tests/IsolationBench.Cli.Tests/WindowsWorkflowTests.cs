using YamlDotNet.RepresentationModel;

namespace IsolationBench.Cli.Tests;

/// <summary>
/// Lints .github/workflows/windows.yml, which cannot run here (no Windows machine): its structure, the hosted
/// runner, the steps in order, and that the run.ps1 parameters it passes exist.
/// </summary>
public sealed class WindowsWorkflowTests
{
    private static readonly string WorkflowPath = WorkflowYaml.PathOf("windows.yml");

    private static YamlMappingNode Root() => WorkflowYaml.Root("windows.yml");

    private static YamlNode? Get(YamlMappingNode map, string key) => WorkflowYaml.Get(map, key);

    private static YamlMappingNode Job() => WorkflowYaml.Job(Root(), "windows");

    private static List<YamlMappingNode> Steps() => [.. ((YamlSequenceNode)Get(Job(), "steps")!).Children.Cast<YamlMappingNode>()];

    private static string Run(YamlMappingNode step) => Get(step, "run") is YamlScalarNode r ? r.Value! : string.Empty;

    [Fact]
    public void Runs_on_the_hosted_windows_2022_runner_with_a_timeout_and_no_tabs()
    {
        Assert.DoesNotContain('\t', File.ReadAllText(WorkflowPath));
        Assert.Equal("windows-2022", ((YamlScalarNode)Get(Job(), "runs-on")!).Value);
        Assert.NotNull(Get(Job(), "timeout-minutes"));
        Assert.NotNull(Get((YamlMappingNode)Get(Root(), "on")!, "workflow_dispatch"));
    }

    [Fact]
    public void Every_step_is_named_and_does_one_thing()
    {
        Assert.All(Steps(), s =>
        {
            Assert.True(Get(s, "name") is not null, "every step is named");
            Assert.True(Get(s, "run") is not null ^ Get(s, "uses") is not null, "a step has exactly one of run / uses");
            if (Get(s, "uses") is YamlScalarNode uses)
            {
                Assert.Matches(@"^[\w.-]+/[\w.-]+@v\d+$", uses.Value!);
            }
        });
    }

    [Fact]
    public void Checks_out_sets_up_dotnet_builds_tests_pesters_detects_hyperv_runs_and_uploads_in_that_order()
    {
        var steps = Steps();
        int Index(Func<YamlMappingNode, bool> match) => steps.FindIndex(s => match(s));
        bool Uses(YamlMappingNode s, string action) => Get(s, "uses") is YamlScalarNode u && u.Value!.StartsWith(action + "@", StringComparison.Ordinal);

        var checkout = Index(s => Uses(s, "actions/checkout"));
        var dotnet = Index(s => Uses(s, "actions/setup-dotnet") && Get(s, "with") is YamlMappingNode w && Get(w, "global-json-file") is YamlScalarNode g && g.Value == "global.json");
        var build = Index(s => Run(s).Contains("dotnet build", StringComparison.Ordinal));
        var test = Index(s => Run(s).Contains("dotnet test", StringComparison.Ordinal) && Run(s).Contains("FullyQualifiedName!~.Integration.", StringComparison.Ordinal));
        var pester = Index(s => Run(s).Contains("tools/run-pester.sh", StringComparison.Ordinal));
        var detect = Index(s => Run(s).Contains("HypervisorPresent", StringComparison.Ordinal) && Run(s).Contains("--isolation=hyperv", StringComparison.Ordinal));
        var run = Index(s => Run(s).Contains("./run.ps1", StringComparison.Ordinal) && Run(s).Contains("-Profile quick", StringComparison.Ordinal));
        var upload = Index(s => Uses(s, "actions/upload-artifact") && Get(s, "if") is not null);

        int[] order = [checkout, dotnet, build, test, pester, detect, run, upload];
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Contains("'host,process'", Run(steps[detect]), StringComparison.Ordinal);
        Assert.Contains("steps.modes.outputs.modes", Run(steps[run]), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_run_ps1_parameter_it_passes_exists()
    {
        var runPs1 = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "run.ps1"));
        var line = Steps().Select(Run).SelectMany(r => r.Split('\n')).Single(l => l.Contains("./run.ps1", StringComparison.Ordinal));
        var parameters = System.Text.RegularExpressions.Regex.Matches(line, @"\s-([A-Z]\w+)").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(["Modes", "Profile", "NoBuild"], parameters);
        Assert.All(parameters, p => Assert.Matches(@"\[(string|switch)\]\s+\$" + p + @"\b", runPs1));
    }
}
