namespace IsolationBench.Cli.Tests;

/// <summary>docs/cli.md is what <see cref="CliReference"/> makes from the real help of every command.</summary>
public sealed class DocsCliReferenceTests
{
    [Fact]
    public async Task Cli_md_equals_the_real_help_of_every_command()
    {
        var expected = await CliReference.GenerateAsync();
        var path = Path.Combine(CliRunner.RepositoryRoot, CliReference.RelativePath);
        var actual = File.Exists(path) ? CliReference.Normalise(await File.ReadAllTextAsync(path)) : null;
        if (actual == expected)
        {
            return;
        }

        if (CliReference.ApproveRequested)
        {
            await File.WriteAllTextAsync(path, expected);
            return;
        }

        var firstDifference = actual is null ? "the file is missing" : $"first difference at line {FirstDifferentLine(expected, actual)}";
        Assert.Fail($"{CliReference.RelativePath} differs from the real help ({firstDifference}); regenerate it with "
            + $"{CliReference.ApproveVariable}=1 dotnet test tests/IsolationBench.Cli.Tests --filter \"FullyQualifiedName~DocsCliReference\" "
            + "(outside CI) and commit it");
    }

    [Fact]
    public async Task The_reference_covers_every_command_the_root_help_lists()
    {
        var (_, root, _) = await CliRunner.RunAsync("--help");
        var commands = CliReference.CommandNames(root);
        Assert.Contains("run", commands);
        Assert.Contains("report", commands);
        Assert.Contains("whereami", commands);
        var page = CliReference.Normalise(await File.ReadAllTextAsync(Path.Combine(CliRunner.RepositoryRoot, CliReference.RelativePath)));
        Assert.All(commands, c => Assert.Contains($"\n## isobench {c}\n", page, StringComparison.Ordinal));
    }

    private static int FirstDifferentLine(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var line = 0;
        while (line < a.Length && line < b.Length && a[line] == b[line])
        {
            line++;
        }

        return line + 1;
    }
}
