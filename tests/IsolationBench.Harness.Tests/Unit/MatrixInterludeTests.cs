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
        var plan = MatrixPlan.Build(Modes, ["startup", "cpu"], startupSamples: samples, startupWarmup: 2, guestRounds: 1);

        var at = MatrixPlan.Midpoint(plan, "startup");

        Assert.Equal(new MatrixCell(round, false, "startup", Modes[0]), plan[at]);
    }

    [Fact]
    public void Midpoint_is_the_end_when_the_workload_is_not_in_the_plan()
    {
        var plan = MatrixPlan.Build(Modes, ["cpu"], startupSamples: 10, startupWarmup: 1, guestRounds: 1);

        Assert.Equal(plan.Count, MatrixPlan.Midpoint(plan, "startup"));
    }

    [Fact]
    public async Task Interlude_runs_once_between_the_two_halves_of_the_rounds()
    {
        var plan = MatrixPlan.Build(Modes, ["startup"], startupSamples: 4, startupWarmup: 1, guestRounds: 0);
        var log = new List<string>();

        await RunAsync(plan, log, completed: null, fingerprint: true);

        Assert.Equal(
            ["w1/startup/host", "w1/startup/runc", "1/startup/host", "1/startup/runc", "2/startup/host", "2/startup/runc",
             "interlude", "3/startup/host", "3/startup/runc", "4/startup/host", "4/startup/runc"],
            log);
    }

    [Fact]
    public async Task A_resume_past_the_midpoint_runs_the_interlude_before_the_remaining_cells()
    {
        var plan = MatrixPlan.Build(Modes, ["startup"], startupSamples: 4, startupWarmup: 0, guestRounds: 0);
        var log = new List<string>();

        await RunAsync(plan, log, completed: ["1/startup/host", "1/startup/runc", "2/startup/host", "2/startup/runc", "3/startup/host"], fingerprint: true);

        Assert.Equal(["interlude", "3/startup/runc", "4/startup/host", "4/startup/runc"], log);
    }

    [Fact]
    public async Task A_resume_with_nothing_left_still_runs_the_interlude_once()
    {
        var plan = MatrixPlan.Build(Modes, ["startup"], startupSamples: 1, startupWarmup: 0, guestRounds: 0);
        var log = new List<string>();

        await RunAsync(plan, log, completed: ["1/startup/host", "1/startup/runc"], fingerprint: true);

        Assert.Equal(["interlude"], log);
    }

    [Fact]
    public async Task A_fingerprint_mismatch_before_the_midpoint_stops_the_matrix_without_the_interlude()
    {
        var plan = MatrixPlan.Build(Modes, ["startup"], startupSamples: 4, startupWarmup: 0, guestRounds: 0);
        var log = new List<string>();

        var outcome = await RunAsync(plan, log, completed: null, fingerprint: false);

        Assert.NotNull(outcome.MismatchReason);
        Assert.Equal(["1/startup/host"], log);
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

    private sealed class RecordingExecutor(List<string> log, IsolationFingerprint? fingerprint) : IWorkloadExecutor
    {
        public bool CanRun(string workload) => true;

        public Task<CellResult> ExecuteAsync(MatrixCell cell, RunContext context, CancellationToken cancellationToken)
        {
            log.Add(cell.Key);
            return Task.FromResult(new CellResult([], "fake", fingerprint, null, null));
        }
    }
}
