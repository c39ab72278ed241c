using IsolationBench.Results.BenchmarkDotNet;

namespace IsolationBench.Results.Tests;

/// <summary>A metric's direction is what it declares; the unit guess is only the fallback for runs that declare nothing.</summary>
public sealed class MetricDirectionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("isobench-directions-").FullName;

    [Fact]
    public void A_declared_direction_wins_over_the_unit_guess()
    {
        var directions = new MetricDirections(
        [
            new MetricDescriptor("density", "memory_per_container", "memory per container", "MiB per container", MetricDirection.LowerIsBetter),
            new MetricDescriptor("density", "fit", "containers that fit", "containers", MetricDirection.HigherIsBetter),
            new MetricDescriptor("density", "launch_latency", "launch latency", "ms/s", MetricDirection.LowerIsBetter),
        ]);

        Assert.False(directions.HigherIsBetter("density", "memory_per_container", "MiB per container"));
        // The guess says lower for "containers" and higher for a unit ending in /s: both wrong for these metrics.
        Assert.True(directions.HigherIsBetter("density", "fit", "containers"));
        Assert.False(directions.HigherIsBetter("density", "launch_latency", "ms/s"));
    }

    [Theory]
    [InlineData("syscall", "GetPpid", "ns/op", false)]
    [InlineData("io", "SequentialWrite1MiB@layer", "MB/s", true)]
    [InlineData("io", "fio.RandomRead4KiB@layer", "ops/s", true)]
    public void An_undeclared_metric_falls_back_to_the_unit_guess(string workload, string metric, string unit, bool higher)
    {
        Assert.Equal(higher, MetricDirections.BuiltIn.HigherIsBetter(workload, metric, unit));
    }

    [Fact]
    public void Startup_phases_are_declared_lower_is_better_in_milliseconds()
    {
        Assert.Equal(StartupPhases.All, StartupPhases.DescriptorsOf("startup").Select(d => d.Id));
        Assert.All(StartupPhases.DescriptorsOf("startup"), d => Assert.Equal(("startup", Units.Milliseconds, MetricDirection.LowerIsBetter), (d.Workload, d.Unit, d.Direction)));
        Assert.All(StartupPhases.All, p => Assert.False(MetricDirections.BuiltIn.HigherIsBetter("startup", p, Units.Milliseconds)));
    }

    [Fact]
    public void Declared_metrics_round_trip_through_manifest_json_as_lower_and_higher()
    {
        var run = new RunDirectory(_dir);
        run.WriteManifest(Manifest() with
        {
            Metrics = [new MetricDescriptor("density", "fit", "containers that fit", "containers", MetricDirection.HigherIsBetter), .. StartupPhases.DescriptorsOf("startup")],
        });

        var text = File.ReadAllText(run.Manifest);
        var back = run.ReadManifest();

        Assert.Contains("\"direction\": \"higher\"", text, StringComparison.Ordinal);
        Assert.Contains("\"direction\": \"lower\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("higher_is_better", text, StringComparison.Ordinal);
        Assert.Equal("containers that fit", back.Metrics![0].DisplayName);
        Assert.True(MetricDirections.Of(back).HigherIsBetter("density", "fit", "containers"));
    }

    [Fact]
    public void An_old_manifest_without_metrics_reads_and_falls_back()
    {
        var run = new RunDirectory(_dir);
        run.WriteManifest(Manifest());
        Assert.DoesNotContain("\"metrics\"", File.ReadAllText(run.Manifest), StringComparison.Ordinal);

        var back = run.ReadManifest();

        Assert.Null(back.Metrics);
        Assert.False(MetricDirections.Of(back).HigherIsBetter("startup", "total", Units.Milliseconds));
        Assert.True(MetricDirections.Of(back).HigherIsBetter("io", "SequentialWrite1MiB@layer", Units.MegabytesPerSecond));
    }

    [Fact]
    public void A_units_file_direction_is_read_and_an_unknown_one_is_a_format_error()
    {
        var path = Path.Combine(_dir, GuestUnitsFile.FileName);
        File.WriteAllText(path, UnitsJson("\"direction\": \"higher\","));
        var unit = Assert.Single(GuestUnitsFile.Read(path).Values);
        Assert.Equal(new MetricDescriptor("cpu", "Spin", "Spin", "ns/op", MetricDirection.HigherIsBetter), unit.Descriptor);

        File.WriteAllText(path, UnitsJson("\"direction\": \"sideways\","));
        var ex = Assert.Throws<ResultsFormatException>(() => GuestUnitsFile.Read(path));
        Assert.Contains("sideways", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_declares_startup_and_the_guest_units_that_carry_a_direction()
    {
        var run = new RunDirectory(_dir);
        var declared = Path.Combine(run.Artifacts, "runc", "r1", "cpu");
        var old = Path.Combine(run.Artifacts, "runc", "r1", "syscall");
        var broken = Path.Combine(run.Artifacts, "runc", "r2", "cpu");
        foreach (var d in new[] { declared, old, broken })
        {
            Directory.CreateDirectory(d);
        }

        File.WriteAllText(Path.Combine(declared, GuestUnitsFile.FileName), UnitsJson("\"direction\": \"lower\","));
        File.WriteAllText(Path.Combine(old, GuestUnitsFile.FileName), UnitsJson(string.Empty).Replace("\"cpu\"", "\"syscall\"", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(broken, GuestUnitsFile.FileName), "{ not json");

        var startup = new Workloads.WorkloadDescriptor("startup", "Container startup", ["linux"], StartupPhases.Total, StartupPhases.DescriptorsOf("startup"), new Workloads.SamplingPlan("cold start", 3, 30));
        Workloads.WorkloadDescriptor Guest(string name) => new(name, "Workload " + name, ["linux"], null, [], new Workloads.SamplingPlan("throughput", 0, 3));
        var metrics = DeclaredMetrics.Collect(run, [startup, Guest("cpu"), Guest("syscall")]);

        Assert.Equal([.. StartupPhases.DescriptorsOf("startup"), new MetricDescriptor("cpu", "Spin", "Spin", "ns/op", MetricDirection.LowerIsBetter)], metrics);
        Assert.Equal([new MetricDescriptor("cpu", "Spin", "Spin", "ns/op", MetricDirection.LowerIsBetter)], DeclaredMetrics.Collect(run, [Guest("cpu"), Guest("syscall")]));
    }

    private static string UnitsJson(string direction) =>
        "{\"schema\":1,\"benchmarks\":{\"Cpu.Spin\":{\"category\":\"cpu\",\"metric\":\"Spin\",\"unit\":\"ns/op\"," + direction + "\"ops_per_invoke\":1,\"cache_note\":\"\"}}}";

    private static RunManifest Manifest() => new()
    {
        RunId = "r1",
        ToolVersion = "0.1.0",
        StartedUtc = DateTimeOffset.UnixEpoch,
        Status = "complete",
        Host = new HostInfo { Os = "linux", OsDescription = "Debian", Kernel = "6.1", CpuModel = "x", Cores = 2, MemoryBytes = 1, Hostname = "h" },
        Modes = [new ModeDescription("host", "host", null, null)],
        Workloads = ["startup"],
        Options = new Dictionary<string, string>(),
    };

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
