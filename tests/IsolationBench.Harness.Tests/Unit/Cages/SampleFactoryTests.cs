using IsolationBench.Harness.Cages;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Unit.Cages;

/// <summary>The one place a cell's sample is written: the cell's identity, its source, one timestamp or each row's own.</summary>
public sealed class SampleFactoryTests
{
    private static readonly MatrixCell Cell = new(3, false, "startup", IsolationMode.ForRuntime("crun"));

    private static RunContext Context() =>
        new("20261207-150000", new RunDirectory(Path.Combine(Path.GetTempPath(), "isobench-sample-factory")), new Dictionary<string, string>());

    [Fact]
    public void A_row_carries_the_cells_identity_the_source_and_the_cells_timestamp()
    {
        var at = new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);
        var rows = SampleFactory.For(Cell, Context()) with { Source = "c0ffee012345", At = at };

        var sample = rows.Ok("ready", Units.Milliseconds, 12.5);

        Assert.Equal(
            new Sample
            {
                RunId = "20261207-150000",
                Round = 3,
                Mode = "crun",
                Workload = "startup",
                Metric = "ready",
                Unit = Units.Milliseconds,
                Value = 12.5,
                Status = SampleStatus.Ok,
                Iteration = 0,
                Source = "c0ffee012345",
                TimestampUtc = at,
            },
            sample);
    }

    [Fact]
    public void A_failed_row_has_no_value_and_its_reason_in_one_line()
    {
        var sample = SampleFactory.For(Cell, Context(), workload: "startup-runtime").Failed("(run)", Units.NanosecondsPerOp, "exit code 1: a, b\nc", iteration: 2);

        Assert.True(double.IsNaN(sample.Value));
        Assert.Equal("failed:exit code 1: a; b c", sample.Status);
        Assert.Equal(("startup-runtime", 2), (sample.Workload, sample.Iteration));
    }

    [Fact]
    public void Without_a_cell_timestamp_each_row_is_stamped_when_made()
    {
        var before = DateTimeOffset.UtcNow;

        var sample = SampleFactory.For(Cell, Context()).Ok("reached", "containers", 4, iteration: 0);

        Assert.InRange(sample.TimestampUtc, before, DateTimeOffset.UtcNow);
    }
}
