namespace IsolationBench.Browser.Tests;

/// <summary>A private copy of a recorded run directory (the report is written into it), removed afterwards.</summary>
internal sealed class RunCopy : IDisposable
{
    private RunCopy(string path) => Path = path;

    public string Path { get; }

    public static string RepositoryRoot { get; } = FindRoot();

    public static RunCopy Of(string fixture)
    {
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture);
        var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "isobench-browser-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }

        return new RunCopy(target);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder; a leftover is harmless.
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "IsolationBench.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("tests must run inside the repository");
    }
}
