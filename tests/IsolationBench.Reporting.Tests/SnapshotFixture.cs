namespace IsolationBench.Reporting.Tests;

/// <summary>A private copy of a fixture run directory (the renderers write into it), and the approved-file comparison.</summary>
internal sealed class SnapshotFixture : IDisposable
{
    private SnapshotFixture(string path) => Path = path;

    public string Path { get; }

    public static SnapshotFixture Copy(string fixture)
    {
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture);
        var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "isobench-snapshot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }

        return new SnapshotFixture(target);
    }

    public static string Approved(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Approved", name);

    /// <summary>Null when equal to the approved file (line endings aside); else what differs, with the received text kept in a temp folder named in it.</summary>
    public static string? Difference(string approvedDir, string name, string received)
    {
        var approvedPath = System.IO.Path.Combine(approvedDir, name);
        var expected = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : null;
        if (expected == Normalize(received))
        {
            return null;
        }

        var keep = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "isobench-snapshot-received", System.IO.Path.GetFileName(approvedDir));
        Directory.CreateDirectory(keep);
        File.WriteAllText(System.IO.Path.Combine(keep, name), received);
        return $"{name} differs from the approved {approvedPath} at line {FirstDifference(expected ?? string.Empty, Normalize(received))} (received copy: {System.IO.Path.Combine(keep, name)})";
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static int FirstDifference(string a, string b)
    {
        var left = a.Split('\n');
        var right = b.Split('\n');
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            if (left[i] != right[i])
            {
                return i + 1;
            }
        }

        return Math.Min(left.Length, right.Length) + 1;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing a test over it would not be.
        }
    }
}
