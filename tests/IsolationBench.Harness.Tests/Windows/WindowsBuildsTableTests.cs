using System.Globalization;
using System.Text.RegularExpressions;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Tests.Windows;

/// <summary>run.ps1 cannot call C#: its copy of the compatibility table must equal <see cref="WindowsBuilds"/>.</summary>
public sealed partial class WindowsBuildsTableTests
{
    private static readonly string RunPs1 = File.ReadAllText(Path.Combine(RepositoryRoot(), "run.ps1"));

    [Fact]
    public void Run_ps1_process_isolation_table_equals_the_harness_table()
    {
        var expected = WindowsBuilds.ProcessIsolation.ToDictionary(r => r.HostBuild, r => r.Tag);

        Assert.Equal(expected.OrderBy(p => p.Key), Table("ProcessIsolation").OrderBy(p => p.Key));
    }

    [Fact]
    public void Run_ps1_image_builds_equal_the_harness_images()
    {
        var expected = WindowsBuilds.Images.ToDictionary(i => i.Build, i => i.Tag);

        Assert.Equal(expected.OrderBy(p => p.Key), Table("NanoserverImages").OrderBy(p => p.Key));
    }

    [Fact]
    public void Run_ps1_cites_the_same_source()
    {
        Assert.Contains(WindowsBuilds.CompatibilitySource, RunPs1, StringComparison.Ordinal);
    }

    private static Dictionary<int, string> Table(string name)
    {
        var line = RunPs1.Split('\n').Single(l => l.StartsWith("$script:" + name + " = @{", StringComparison.Ordinal));
        var entries = Entry().Matches(line);
        Assert.NotEmpty(entries);
        return entries.ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => m.Groups[2].Value);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IsolationBench.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("tests must run inside the repository");
    }

    [GeneratedRegex(@"(\d{5}) = '([a-z0-9]+)'")]
    private static partial Regex Entry();
}
