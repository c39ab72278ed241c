namespace IsolationBench.Cli.Tests;

/// <summary>Runs the CLI in-process and captures what it printed.</summary>
internal static class CliRunner
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cli = new IsobenchCli(output, error, interactive: false, RepositoryRoot);
        var exit = await cli.RunAsync(args, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static string FindRoot()
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
}
