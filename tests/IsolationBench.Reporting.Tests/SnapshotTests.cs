namespace IsolationBench.Reporting.Tests;

/// <summary>
/// Approved-output snapshots: report.md, index.html, summary.csv, the benchmark-action exports and the list of files
/// rendered from a trimmed real run (Fixtures/vm-run) and a small real density run (Fixtures/density-run) must equal the approved files byte for byte. A refactor that
/// changes no output keeps these green; a change to an approved file must say why in its commit.
/// </summary>
public sealed class SnapshotTests
{
    private static readonly string[] Compared =
        ["report.md", "index.html", "summary.csv", "benchmark-bigger-is-better.json", "benchmark-smaller-is-better.json"];

    [Theory]
    [InlineData(null, "vm-run", "vm-run")]
    [InlineData("runc", "vm-run", "vm-run-baseline-runc")]
    [InlineData(null, "density-run", "density-run")]
    [InlineData(null, "startup-split-run", "startup-split-run")]
    public async Task Report_of_the_fixture_run_equals_the_approved_files(string? baseline, string fixture, string approved)
    {
        using var run = SnapshotFixture.Copy(fixture);
        var outDir = Path.Combine(run.Path, "report");
        var result = await ReportGenerator.GenerateAsync(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, Baseline = baseline, OutputDirectory = outDir }, CancellationToken.None);

        var approvedDir = SnapshotFixture.Approved(approved);
        var files = result.FilesWritten.Select(f => Path.GetRelativePath(outDir, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        var differences = Compared
            .Select(name => SnapshotFixture.Difference(approvedDir, name, File.ReadAllText(Path.Combine(outDir, name))))
            .Prepend(SnapshotFixture.Difference(approvedDir, "files.txt", string.Join("\n", files) + "\n"))
            .OfType<string>()
            .ToList();
        Assert.Empty(differences);
    }
}
