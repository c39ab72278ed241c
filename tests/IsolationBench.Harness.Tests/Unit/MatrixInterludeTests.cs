using IsolationBench.Fingerprint;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Unit;

/// <summary>The engine benchmarks run in the middle of the startup rounds: where, once, and not after a mismatch.</summary>
public sealed class MatrixInterludeTests : IDisposable
{
    private static readonly IsolationMode[] Modes = [IsolationMode.Host, IsolationMode.ForRuntime("runc")];
    private readonly string _root = Directory.CreateTempSubdirectory("isobench-interlude-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(4, 3)]
    [InlineData(5, 3)]
    [InlineData(20, 11)]
    [InlineData(1, 1)]
    public void Midpoint_is_the_first_cell_of_the_second_half_of_the_measured_rounds(int samples, int round)
    {
        var plan = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, Modes, ["startup", "cpu"], startupSamples: samples, startupWarmup: 2, guestRounds: 1);

        var at = MatrixPlan.Midpoint(plan, "startup");

        Assert.Equal((round, false, "startup", 1, string.Empty), (plan[at].Round, plan[at].Warmup, plan[at].Workload, plan[at].Position, plan[at].Predecessor));
        Assert.DoesNotContain(plan.Take(at), c => c.Workload == "startup" && !c.Warmup && c.Round >= round);
        Assert.All(plan.Skip(at).Where(c => c.Workload == "startup"), c => Assert.True(c.Round >= round));
    }

    [Fact]
    public void Midpoint_is_the_end_when_the_workload_is_not_in_the_plan()
    {
        var plan = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, Modes, ["cpu"], startupSamples: 10, startupWarmup: 1, guestRounds: 1);

        Assert.Equal(plan.Count, MatrixPlan.Midpoint(plan, "startup"));
    }

    [Fact]
    public async Task Interlude_runs_once_between_the_two_halves_of_the_rounds()
    {
        var plan = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, Modes, ["startup"], startupSamples: 4, startupWarmup: 1, guestRounds: 0);
        var log = new List<string>();

        await RunAsync(plan, log, completed: null, fingerprint: true);

        Assert.Equal(
            ["w1/startup/host", "w1/startup/runc", "1/startup/host", "1/startup/runc", "2/startup/runc", "2/startup/host",
             "interlude", "3/startup/host", "3/startup/runc", "4/startup/runc", "4/startup/host"],
            log);
    }

    [Fact]
    public async Task A_resume_past_the_midpoint_runs_the_interlude_before_the_remaining_cells()
    {
        var plan = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, Modes, ["startup"], startupSamples: 4, startupWarmup: 0, guestRounds: 0);
        var log = new List<string>();

        await RunAsync(plan, log, completed: ["1/startup/host", "1/startup/runc", "2/startup/host", "2/startup/runc", "3/startup/host"], fingerprint: true);

        Assert.Equal(["interlude", "3/startup/runc", "4/startup/runc", "4/startup/host"], log);
    }

    [Fact]
    public async Task A_resume_with_nothing_left_still_runs_the_interlude_once()
    {
        var plan = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, Modes, ["startup"], startupSamples: 1, startupWarmup: 0, guestRounds: 0);
        var log = new List<string>();

        await RunAsync(plan, log, completed: ["1/startup/host", "1/startup/runc"], fingerprint: true);

        Assert.Equal(["interlude"], log);
    }

    [Fact]
    public async Task A_fingerprint_mismatch_before_the_midpoint_stops_the_matrix_without_the_interlude()
    {
        var plan = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, Modes, ["startup"], startupSamples: 4, startupWarmup: 0, guestRounds: 0);
        var log = new List<string>();

        var outcome = await RunAsync(plan, log, completed: null, fingerprint: false);

        Assert.NotNull(outcome.MismatchReason);
        Assert.Equal(["1/startup/host"], log);
    }

    [Fact]
    public async Task A_resume_from_samples_on_disk_retakes_only_the_missing_cells_in_plan_order_with_their_position()
    {
        var plan = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, Modes, ["startup", "cpu"], startupSamples: 3, startupWarmup: 1, guestRounds: 2);
        var directory = new RunDirectory(Path.Combine(_root, "resume"));
        Directory.CreateDirectory(directory.Path);
        var log = new List<string>();
        var self = FingerprintCollector.Collect();
        using (var writer = new SampleWriter(directory.Samples))
        {
            // Interrupted after the fifth cell of the plan (warmups included).
            var runner = new MatrixRunner([new RecordingExecutor(log, self, sample: true)], self, allowMismatch: true);
            await runner.RunAsync([.. plan.Take(5)], new RunContext("resume", directory, new Dictionary<string, string>()), writer, null, null, CancellationToken.None);
        }

        // What RunSession does on --resume: the keys of the cells whose samples are on disk.
        var completed = SampleCsv.Read(directory.Samples).Select(s => MatrixCell.KeyOf(s.Round, s.Workload, s.Mode)).ToHashSet(StringComparer.Ordinal);
        log.Clear();
        using (var writer = new SampleWriter(directory.Samples))
        {
            var runner = new MatrixRunner([new RecordingExecutor(log, self, sample: true)], self, allowMismatch: true);
            await runner.RunAsync(plan, new RunContext("resume", directory, new Dictionary<string, string>()), writer, null, completed, CancellationToken.None);
        }

        // The first containers' rows (round 0, first.*) were written by the interrupted part, and only there.
        var samples = SampleCsv.Read(directory.Samples).Where(s => s.Round > 0).ToList();
        Assert.Equal(["host", "runc"], SampleCsv.Read(directory.Samples).Where(s => s.Round == 0).Select(s => s.Mode));
        var measured = plan.Where(c => !c.Warmup).ToList();
        Assert.Equal(measured.Select(c => c.Key), samples.Select(s => MatrixCell.KeyOf(s.Round, s.Workload, s.Mode)));
        Assert.Equal(measured.Select(c => (c.Position, c.Predecessor)), samples.Select(s => (s.Position, s.Predecessor)));
        Assert.Equal(["w1/startup/host", "w1/startup/runc", .. plan.Skip(5).Select(c => c.Key)], log);
    }

    [Fact]
    public async Task Progress_counts_the_cells_each_workload_has_left_to_run()
    {
        var plan = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, Modes, ["startup", "cpu"], startupSamples: 3, startupWarmup: 1, guestRounds: 2);
        var done = plan.First(c => !c.Warmup && c.Workload == "startup").Key;
        var directory = new RunDirectory(Path.Combine(_root, "progress"));
        Directory.CreateDirectory(directory.Path);
        var self = FingerprintCollector.Collect();
        var reports = new List<MatrixProgress>();
        using (var writer = new SampleWriter(directory.Samples))
        {
            var runner = new MatrixRunner([new RecordingExecutor([], self)], self, allowMismatch: true);
            await runner.RunAsync(plan, new RunContext("progress", directory, new Dictionary<string, string>()), writer, new Collected(reports), new HashSet<string>(StringComparer.Ordinal) { done }, CancellationToken.None);
        }

        // A resumed run's bars count only what is left: here one startup cell fewer.
        var left = plan.Where(c => c.Key != done).GroupBy(c => c.Workload).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(plan.Count(c => c.Workload == "startup") - 1, left["startup"]);
        Assert.Equal(plan.Count - 1, reports.Count);
        Assert.All(reports, r => Assert.Equal(left, r.TotalByWorkload));
        Assert.Equal(left.Values.Sum(), reports[^1].Total);
    }

    /// <summary>Reports kept in order, on the reporting thread (Progress&lt;T&gt; would post them).</summary>
    private sealed class Collected(List<MatrixProgress> reports) : IProgress<MatrixProgress>
    {
        public void Report(MatrixProgress value) => reports.Add(value);
    }

    private async Task<MatrixOutcome> RunAsync(IReadOnlyList<MatrixCell> plan, List<string> log, string[]? completed, bool fingerprint)
    {
        var self = FingerprintCollector.Collect();
        var directory = new RunDirectory(Path.Combine(_root, Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(directory.Path);
        using var writer = new SampleWriter(directory.Samples);
        // Every cell reports the host's own fingerprint: verification passes for host and fails (a mismatch) for
        // runc, so the runner is told to allow mismatches unless the test is about stopping.
        var runner = new MatrixRunner([new RecordingExecutor(log, fingerprint ? self : null)], self, allowMismatch: fingerprint);
        return await runner.RunAsync(
            plan,
            new RunContext("interlude", directory, new Dictionary<string, string>()),
            writer,
            progress: null,
            completed?.ToHashSet(StringComparer.Ordinal),
            CancellationToken.None,
            new MatrixInterlude(MatrixPlan.Midpoint(plan, "startup"), _ =>
            {
                log.Add("interlude");
                return Task.CompletedTask;
            }));
    }

    private sealed class RecordingExecutor(List<string> log, IsolationFingerprint? fingerprint, bool sample = false) : IWorkloadExecutor
    {
        public bool CanRun(string workload) => true;

        public Task<CellResult> ExecuteAsync(MatrixCell cell, RunContext context, CancellationToken cancellationToken)
        {
            log.Add(cell.Key);
            IReadOnlyList<Sample> samples = sample
                ? [new Sample { RunId = context.RunId, Round = cell.Round, Mode = cell.Mode.Name, Workload = cell.Workload, Metric = "total", Unit = Units.Milliseconds, Value = 1, Status = SampleStatus.Ok, TimestampUtc = DateTimeOffset.UnixEpoch }]
                : [];
            return Task.FromResult(new CellResult(samples, "fake", fingerprint, null, null));
        }
    }
}
