using IsolationBench.Fingerprint;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Unit;

/// <summary>
/// The first container of each mode is recorded (first.* metrics, round 0) instead of being only a silent warm-up, once
/// per run even across a resume; and the before-cell hook (--cold's page-cache drop) runs before every cell's executor.
/// </summary>
public sealed class FirstContainerTests : IDisposable
{
    private static readonly IsolationMode[] Modes = [IsolationMode.ForRuntime("runc"), IsolationMode.ForRuntime("crun")];
    private readonly string _root = Directory.CreateTempSubdirectory("isobench-first-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_first_cell_of_each_cold_start_workload_and_mode_is_marked_first_and_nothing_else()
    {
        var plan = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, Modes, ["startup", "startup-runtime", "cpu"], startupSamples: 3, startupWarmup: 2, guestRounds: 2);

        var first = plan.Where(c => c.First).ToList();

        Assert.Equal(["w1/startup/runc", "w1/startup/crun", "w1/startup-runtime/runc", "w1/startup-runtime/crun"], first.Select(c => c.Key));
        var withoutWarmup = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, Modes, ["startup"], startupSamples: 3, startupWarmup: 0, guestRounds: 0);
        Assert.Equal(["1/startup/runc", "1/startup/crun"], withoutWarmup.Where(c => c.First).Select(c => c.Key));
    }

    [Fact]
    public async Task The_first_containers_rows_are_written_once_as_first_metrics_in_round_0_and_a_resume_does_not_repeat_them()
    {
        var plan = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, Modes, ["startup"], startupSamples: 2, startupWarmup: 1, guestRounds: 0);
        var directory = new RunDirectory(Path.Combine(_root, "run"));
        Directory.CreateDirectory(directory.Path);
        await RunAsync(plan, directory, completed: null);
        var completed = SampleCsv.Read(directory.Samples).Select(s => MatrixCell.KeyOf(s.Round, s.Workload, s.Mode)).ToHashSet(StringComparer.Ordinal);

        // A resume of a run whose measured cells are not all there yet repeats the warm-ups, not the first rows.
        completed.Remove("2/startup/crun");
        await RunAsync(plan, directory, completed);

        var samples = SampleCsv.Read(directory.Samples);
        var first = samples.Where(s => s.Round == 0).ToList();
        Assert.Equal(["runc", "crun"], first.Select(s => s.Mode));
        Assert.All(first, s => Assert.Equal(("first.total", "startup", 42.0), (s.Metric, s.Workload, s.Value)));
        Assert.Equal([1, 2], first.Select(s => s.Position));
        Assert.Equal(["1/startup/runc", "1/startup/crun", "2/startup/crun", "2/startup/runc", "2/startup/crun"], samples.Where(s => s.Round > 0).Select(s => MatrixCell.KeyOf(s.Round, s.Workload, s.Mode)));
        Assert.All(samples.Where(s => s.Round > 0), s => Assert.Equal("total", s.Metric));
    }

    [Fact]
    public async Task Without_warmups_the_first_measured_container_is_also_written_as_the_first()
    {
        var plan = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, Modes, ["startup"], startupSamples: 2, startupWarmup: 0, guestRounds: 0);
        var directory = new RunDirectory(Path.Combine(_root, "nowarmup"));
        Directory.CreateDirectory(directory.Path);

        await RunAsync(plan, directory, completed: null);

        var samples = SampleCsv.Read(directory.Samples);
        Assert.Equal(4, samples.Count(s => s.Metric == "total"));
        Assert.Equal(["runc", "crun"], samples.Where(s => s.Metric == "first.total").Select(s => s.Mode));
    }

    [Fact]
    public async Task The_before_cell_hook_runs_before_every_cells_executor_in_plan_order()
    {
        var plan = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, Modes, ["startup"], startupSamples: 1, startupWarmup: 1, guestRounds: 0);
        var directory = new RunDirectory(Path.Combine(_root, "hook"));
        Directory.CreateDirectory(directory.Path);
        var log = new List<string>();

        await RunAsync(plan, directory, completed: null, log, (cell, _) =>
        {
            log.Add("before " + cell.Key);
            return Task.CompletedTask;
        });

        Assert.Equal(
            ["before w1/startup/runc", "w1/startup/runc", "before w1/startup/crun", "w1/startup/crun", "before 1/startup/runc", "1/startup/runc", "before 1/startup/crun", "1/startup/crun"],
            log);
    }

    private static async Task RunAsync(IReadOnlyList<MatrixCell> plan, RunDirectory directory, ISet<string>? completed, List<string>? log = null, Func<MatrixCell, CancellationToken, Task>? before = null)
    {
        var self = FingerprintCollector.Collect();
        using var writer = new SampleWriter(directory.Samples);
        var runner = new MatrixRunner([new TotalExecutor(log ?? [])], self, allowMismatch: true) { BeforeCell = before };
        await runner.RunAsync(plan, new RunContext("first", directory, new Dictionary<string, string>()), writer, null, completed, CancellationToken.None);
    }

    private sealed class TotalExecutor(List<string> log) : IWorkloadExecutor
    {
        public bool CanRun(string workload) => true;

        public Task<CellResult> ExecuteAsync(MatrixCell cell, RunContext context, CancellationToken cancellationToken)
        {
            log.Add(cell.Key);
            IReadOnlyList<Sample> samples =
                [new Sample { RunId = context.RunId, Round = cell.Round, Mode = cell.Mode.Name, Workload = cell.Workload, Metric = "total", Unit = Units.Milliseconds, Value = cell.Warmup ? 42 : 1, Status = SampleStatus.Ok, TimestampUtc = DateTimeOffset.UnixEpoch }];
            return Task.FromResult(new CellResult(samples, "fake", null, null, null));
        }
    }
}
