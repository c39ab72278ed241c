namespace IsolationBench.Results.Tests;

public sealed class RunDirectoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("isobench-run-").FullName;

    [Fact]
    public void Manifest_round_trips_and_is_written_atomically()
    {
        var run = new RunDirectory(_dir);
        var manifest = new RunManifest
        {
            RunId = "r1",
            ToolVersion = "0.1.0",
            StartedUtc = DateTimeOffset.UnixEpoch,
            Status = "running",
            Host = new HostInfo { Os = "linux", OsDescription = "Debian", Kernel = "6.1", CpuModel = "x", Cores = 2, MemoryBytes = 1, Hostname = "h" },
            Modes = [new ModeDescription("host", "host", null, null)],
            Workloads = ["startup"],
            Options = new Dictionary<string, string> { ["samples"] = "30" },
        };

        run.WriteManifest(manifest);
        var back = run.ReadManifest();

        Assert.Equal("r1", back.RunId);
        Assert.Equal("30", back.Options["samples"]);
        Assert.False(File.Exists(run.Manifest + ".tmp"));
        Assert.Contains("\"run_id\": \"r1\"", File.ReadAllText(run.Manifest), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"schema\": 1, \"run_id\": ")]
    [InlineData("{\"schema\": 99, \"run_id\": \"x\", \"tool_version\": \"9.9\", \"started_utc\": \"2026-01-01T00:00:00Z\", \"status\": \"complete\", \"host\": {\"os\":\"l\",\"os_description\":\"d\",\"kernel\":\"k\",\"cpu_model\":\"c\",\"cores\":1,\"memory_bytes\":1,\"hostname\":\"h\"}, \"modes\": [], \"workloads\": [], \"options\": {}}")]
    public void A_corrupt_or_foreign_manifest_is_a_format_error_naming_the_file(string json)
    {
        var run = new RunDirectory(_dir);
        File.WriteAllText(run.Manifest, json);

        var ex = Assert.Throws<ResultsFormatException>(run.ReadManifest);

        Assert.Equal(run.Manifest, ex.FilePath);
    }

    [Fact]
    public void A_missing_manifest_says_this_is_not_a_run_directory()
    {
        var ex = Assert.Throws<ResultsFormatException>(new RunDirectory(_dir).ReadManifest);

        Assert.Contains("run directory", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
