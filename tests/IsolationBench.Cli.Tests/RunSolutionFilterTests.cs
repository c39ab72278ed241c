using System.Text.Json;
using System.Text.RegularExpressions;

namespace IsolationBench.Cli.Tests;

/// <summary>
/// run.ps1 builds IsolationBench.Run.slnf (every project a run needs, no test project) instead of the whole solution:
/// on a fresh machine the ten test projects were ~40 % of the first run's build. A project added to the solution
/// outside tests/ must be added to the filter too, or a run would use a stale build of it.
/// </summary>
public sealed partial class RunSolutionFilterTests
{
    [Fact]
    public void The_run_filter_lists_every_project_of_the_solution_outside_tests_and_no_other()
    {
        var root = CliRunner.RepositoryRoot;
        var solution = File.ReadAllText(Path.Combine(root, "IsolationBench.sln"));
        var projects = ProjectLine().Matches(solution).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(projects);

        using var filter = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "IsolationBench.Run.slnf")));
        var listed = filter.RootElement.GetProperty("solution").GetProperty("projects").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Equal("IsolationBench.sln", filter.RootElement.GetProperty("solution").GetProperty("path").GetString());

        var expected = projects.Where(p => !p.StartsWith(@"tests\", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, listed.Order(StringComparer.Ordinal));
        Assert.All(listed, p => Assert.True(File.Exists(Path.Combine(root, p.Replace('\\', Path.DirectorySeparatorChar))), p + " does not exist"));
    }

    [Fact]
    public void Run_ps1_builds_the_run_filter()
    {
        var script = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "run.ps1"));
        Assert.Contains("'IsolationBench.Run.slnf'", script, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet build (Join-Path $Root 'IsolationBench.sln')", script, StringComparison.Ordinal);
    }

    [GeneratedRegex("""Project\("\{[^}]+\}"\) = "[^"]+", "([^"]+\.csproj)""")]
    private static partial Regex ProjectLine();
}
