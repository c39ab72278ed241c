using IsolationBench.Harness.Images;

namespace IsolationBench.Harness.Tests.Windows;

/// <summary>
/// A throw-away repository layout holding the real Windows Dockerfile and stand-in probe binaries that are
/// newer than every source (there are none), so <see cref="RepositoryLayout.EnsureProbeAsync"/> reuses them
/// instead of publishing. The fake engine never runs the probe: it answers with the recorded probe output.
/// </summary>
public sealed class PrebuiltRepository : IDisposable
{
    public PrebuiltRepository()
    {
        Root = Directory.CreateTempSubdirectory("isobench-win-").FullName;
        Layout = new RepositoryLayout(Root);
        var real = RepositoryLayout.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("tests run from inside the clone");
        Directory.CreateDirectory(Layout.Images);
        File.Copy(Path.Combine(real.Images, "Dockerfile.probe.windows"), Path.Combine(Layout.Images, "Dockerfile.probe.windows"));
        foreach (var rid in new[] { "win-x64", "linux-x64" })
        {
            var binary = Layout.ProbeBinary(rid);
            Directory.CreateDirectory(Path.GetDirectoryName(binary)!);
            File.WriteAllText(binary, "stand-in for the " + rid + " probe");
        }

        Output = Path.Combine(Root, "results");
    }

    public string Root { get; }

    public RepositoryLayout Layout { get; }

    public string Output { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
