using System.Globalization;
using IsolationBench.Reporting.CrossCheck;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Tests;

/// <summary>The order effect (samples.csv's predecessor column) and the engine's own clock (engine-events.csv).</summary>
public sealed class DesignChecksTests
{
    [Fact]
    public async Task A_mode_slower_after_one_predecessor_is_warned_about_and_a_balanced_one_is_not()
    {
        using var f = new FixtureRun(5) { Modes = ["host", "runc", "crun"] };
        f.AddOrdered("host", ["", "runc", "crun"], 2, slowAfter: null)
            .AddOrdered("runc", ["", "host", "crun"], 200, slowAfter: "crun")
            .AddOrdered("crun", ["", "host", "runc"], 190, slowAfter: null)
            .Write();

        var rows = OrderEffect.Estimate(RunAnalyzer.Analyze(f.Run.ReadManifest(), SampleCsv.Read(f.Run.Samples), [], new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports }, f.Run.Samples));
        var runc = rows.Single(r => r.Mode == "runc");
        var crun = rows.Single(r => r.Mode == "crun");

        Assert.InRange(runc.Spread, 0.2, 0.4);
        Assert.True(runc.Exceeds);
        Assert.False(crun.Exceeds);
        Assert.Equal(["crun", "first", "host"], runc.ByPredecessor.Select(g => g.Predecessor));

        var result = await ReportGenerator.GenerateAsync(f.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, WriteCharts = false }, CancellationToken.None);
        Assert.Contains(result.Warnings, w => w.StartsWith("order effect beyond 10 %: runc on startup", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Warnings, w => w.Contains("crun on startup", StringComparison.Ordinal));
        Assert.Contains("## Design checks", await File.ReadAllTextAsync(result.ReportMarkdown), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_position_columns_there_is_no_order_estimate()
    {
        using var f = new FixtureRun(6) { Modes = ["host", "runc"] };
        f.Add("host", "startup", "total", Units.Milliseconds, 2).Add("runc", "startup", "total", Units.Milliseconds, 200).Write();

        var a = RunAnalyzer.Analyze(f.Run.ReadManifest(), SampleCsv.Read(f.Run.Samples), [], new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports }, f.Run.Samples);

        Assert.Empty(OrderEffect.Estimate(a));
    }

    [Fact]
    public async Task Engine_clock_within_10_percent_agrees_and_a_larger_gap_is_reported()
    {
        using var f = new FixtureRun(7) { Modes = ["runc", "runsc"], Baseline = "runc" };
        var events = new List<string> { string.Join(',', EngineEventsCsv.Columns) };
        var t = 1_700_000_000_000_000_000L;
        foreach (var (mode, total, engineLife) in new[] { ("runc", 100.0, 95.0), ("runsc", 300.0, 200.0) })
        {
            for (var r = 1; r <= 5; r++)
            {
                var source = mode + "-" + r.ToString(CultureInfo.InvariantCulture);
                f.AddExactAt(mode, r, "total", total).AddExactAt(mode, r, "create", total - 90)
                    .AddExactAt(mode, r, "start", 5).AddExactAt(mode, r, "ready", 0).AddExactAt(mode, r, "fingerprint", 5).AddExactAt(mode, r, "exit", 15)
                    .AddExactAt(mode, r, "remove", 65);
                events.Add(Line(mode, r, source + "0123456789", "create", t));
                events.Add(Line(mode, r, source + "0123456789", "start", t + Ms(10)));
                events.Add(Line(mode, r, source + "0123456789", "die", t + Ms(29)));
                events.Add(Line(mode, r, source + "0123456789", "destroy", t + Ms(engineLife)));
                t += Ms(1_000);
            }
        }

        f.Write();
        await File.WriteAllLinesAsync(Path.Combine(f.Path, EngineEventsCsv.FileName), events);

        var rows = EngineClockCheck.Compare(EngineEvents.Read(f.Path)!, SampleCsv.Read(f.Run.Samples), "startup");
        var runcLife = rows.Single(r => r.Mode == "runc" && r.What.StartsWith("create", StringComparison.Ordinal));
        var runscLife = rows.Single(r => r.Mode == "runsc" && r.What.StartsWith("create", StringComparison.Ordinal));
        var runcRun = rows.Single(r => r.Mode == "runc" && r.What.StartsWith("start", StringComparison.Ordinal));

        Assert.Equal(5, runcLife.Containers);
        // create→destroy is compared with the phases after create (start + ready + fingerprint + exit + remove = 90): the
        // engine stamps create when the container exists, so the harness's create call is not in its span.
        Assert.Equal("create→destroy vs start..remove", runcLife.What);
        Assert.Equal(90, runcLife.HarnessMs, 6);
        Assert.Equal(95.0 / 90 - 1, runcLife.Difference, 6);
        Assert.False(runcLife.Exceeds);
        Assert.True(runscLife.Exceeds);
        // start→destroy is compared with ready + fingerprint + exit + remove (the engine stamps start when the start call
        // is done; both spans end at the removal, so the engine's die→wait latency, inside the harness's exit, is in both).
        Assert.Equal("start→destroy vs ready..remove", runcRun.What);
        Assert.Equal(85, runcRun.EngineMs, 6);
        Assert.Equal(85, runcRun.HarnessMs, 6);

        var result = await ReportGenerator.GenerateAsync(f.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, WriteCharts = false }, CancellationToken.None);
        Assert.Contains(result.Warnings, w => w.StartsWith("engine clock disagrees with the harness: runsc:", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Warnings, w => w.Contains("harness: runc:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_engine_events_line_names_file_and_line()
    {
        var dir = Directory.CreateTempSubdirectory("isobench-events-").FullName;
        try
        {
            File.WriteAllLines(Path.Combine(dir, EngineEventsCsv.FileName), [string.Join(',', EngineEventsCsv.Columns), "r,1,runc,abc,create,notanumber"]);

            var ex = Assert.Throws<ResultsFormatException>(() => EngineEvents.Read(dir));
            Assert.Equal(2, ex.Line);
            Assert.Null(EngineEvents.Read(Path.Combine(dir, "missing")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static long Ms(double ms) => (long)(ms * 1_000_000);

    private static string Line(string mode, int round, string source, string action, long time) =>
        string.Create(CultureInfo.InvariantCulture, $"r,{round},{mode},{source},{action},{time}");
}
