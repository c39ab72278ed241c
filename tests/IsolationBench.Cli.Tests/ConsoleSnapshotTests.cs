using IsolationBench.Cli.Commands;
using IsolationBench.Cli.Output;

namespace IsolationBench.Cli.Tests;

/// <summary>
/// Approved-output snapshots of what the console prints for the trimmed real run in the Reporting tests' Fixtures/vm-run (and the density table for Fixtures/density-run):
/// the end-of-run tables (as `isobench run` prints them) and `isobench report`'s lines (its temp paths replaced by
/// &lt;out&gt;). A refactor that changes no output keeps these green.
/// </summary>
public sealed class ConsoleSnapshotTests
{
    [Theory]
    [InlineData(null, "vm-run", "tables.txt")]
    [InlineData("runc", "vm-run", "tables-baseline-runc.txt")]
    [InlineData(null, "density-run", "tables-density.txt")]
    [InlineData(null, "startup-split-run", "tables-startup-split.txt")]
    public void End_of_run_tables_equal_the_approved_text(string? baseline, string fixture, string approved)
    {
        using var run = TempFixture.Copy(fixture);
        var analysis = ReportCommand.Analyze(run.Path, baseline);
        using var output = new StringWriter();
        ConsoleTables.Write(output, analysis);

        AssertApproved(approved, output.ToString());
    }

    [Fact]
    public async Task Report_command_prints_the_approved_lines()
    {
        using var run = TempFixture.Copy();
        var outDir = Path.Combine(run.Path, "out");
        var (exit, stdout, stderr) = await CliRunner.RunAsync("report", run.Path, "--out", outDir);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        AssertApproved("report-command.txt", stdout.Replace(outDir, "<out>", StringComparison.Ordinal));
    }

    private static void AssertApproved(string name, string received)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Approved", name);
        var normalized = received.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\\', '/');
        var expected = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected != normalized)
        {
            var keep = Path.Combine(Path.GetTempPath(), "isobench-snapshot-received", "console");
            Directory.CreateDirectory(keep);
            File.WriteAllText(Path.Combine(keep, name), normalized);
            Assert.Fail($"{name} differs from the approved {path}; received copy: {Path.Combine(keep, name)}");
        }
    }

    private sealed class TempFixture : IDisposable
    {
        private TempFixture(string path) => Path = path;

        public string Path { get; }

        public static TempFixture Copy(string fixture = "vm-run")
        {
            var source = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture);
            var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "isobench-console-snapshot", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
            }

            return new TempFixture(target);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is harmless.
            }
        }
    }
}
