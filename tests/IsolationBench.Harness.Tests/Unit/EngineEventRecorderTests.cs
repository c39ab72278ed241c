using IsolationBench.Workloads.Startup;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Unit;

public sealed class EngineEventRecorderTests
{
    private static IReadOnlyDictionary<string, string> LabelsOf(MatrixCell cell) =>
        Labels.For(new RunContext("run1", new RunDirectory("/tmp/x"), Labels.ForRun("run1")), cell);

    [Fact]
    public void A_measured_startup_container_event_becomes_a_row_with_the_short_id()
    {
        var cell = new MatrixCell(7, false, "startup", IsolationMode.ForRuntime("crun"));
        var e = new ContainerEvent("0123456789abcdef0123", "die", 1_764_500_000_123_456_789, LabelsOf(cell));

        var row = EngineEventRecorder.ToRow("run1", e);

        Assert.Equal(new EngineEventRow { RunId = "run1", Round = 7, Mode = "crun", Source = "0123456789ab", Action = "die", TimeUnixNano = 1_764_500_000_123_456_789 }, row);
    }

    [Fact]
    public void Warmup_guest_and_unlabelled_containers_are_not_recorded()
    {
        var warmup = new MatrixCell(1, true, "startup", IsolationMode.ForRuntime("runc"));
        var guest = new MatrixCell(1, false, "cpu", IsolationMode.ForRuntime("runc"));

        Assert.Null(EngineEventRecorder.ToRow("run1", new ContainerEvent("abc", "start", 1, LabelsOf(warmup))));
        Assert.Null(EngineEventRecorder.ToRow("run1", new ContainerEvent("abc", "start", 1, LabelsOf(guest))));
        Assert.Null(EngineEventRecorder.ToRow("run1", new ContainerEvent("abc", "start", 1, Labels.ForRun("run1"))));
    }
}
