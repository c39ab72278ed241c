using System.Globalization;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Tests;

public sealed class ReportGeneratorTests
{
    private static readonly ReportOptions Fast = new() { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, BootstrapResamples = 1_000 };

    [Fact]
    public async Task Writes_charts_pages_and_summary_with_relative_links_only()
    {
        using var f = FixtureRun.Realistic();
        var result = await ReportGenerator.GenerateAsync(f.Path, Fast, CancellationToken.None);

        Assert.Equal(Path.Combine(f.Run.Path, "report"), result.OutputDirectory);
        foreach (var name in new[] { "overview", "overhead-startup", "overhead-syscall", "overhead-io", "overhead-cpu", "startup-phases", "startup-distribution" })
        {
            Assert.True(new FileInfo(Path.Combine(result.OutputDirectory, name + ".png")).Length > 1000, name + ".png");
            Assert.True(new FileInfo(Path.Combine(result.OutputDirectory, name + ".svg")).Length > 1000, name + ".svg");
        }

        Assert.All(result.FilesWritten, p => Assert.StartsWith(result.OutputDirectory, p, StringComparison.Ordinal));
        var md = await File.ReadAllTextAsync(result.ReportMarkdown);
        Assert.Matches(@"runsc starts \d+× slower than host \(95 % CI \d+–\d+\)", md);
        Assert.All(result.Verdicts, v => Assert.Contains(v.Sentence, md, StringComparison.Ordinal));
        Assert.Contains("runsc ran on the ptrace platform (no KVM on this host): its syscall costs are gVisor's worst case.", md, StringComparison.Ordinal);
        Assert.Contains("](overhead-syscall.png)", md, StringComparison.Ordinal);

        // The overview opens the report, before the verdicts and the per-workload sections.
        Assert.True(md.IndexOf("](overview.png)", StringComparison.Ordinal) < md.IndexOf("## Verdicts", StringComparison.Ordinal));
        Assert.Contains("Welch t-interval on the log units", md, StringComparison.Ordinal);
        Assert.Contains("2 failed sample(s) of runsc startup/total", md, StringComparison.Ordinal);

        var html = await File.ReadAllTextAsync(result.IndexHtml);
        Assert.Contains("<img src=\"overhead-syscall.svg\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(f.Run.Path, html, StringComparison.Ordinal);
        Assert.DoesNotContain("file:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("<img src=\"overview.svg\"", StringComparison.Ordinal) < html.IndexOf("<h2>Verdicts</h2>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Summary_csv_is_invariant_even_under_a_comma_decimal_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            using var f = FixtureRun.Realistic();
            var result = await ReportGenerator.GenerateAsync(f.Path, Fast with { WriteCharts = false }, CancellationToken.None);
            var lines = await File.ReadAllLinesAsync(result.SummaryCsv);

            Assert.Equal(
                "workload,metric,mode,unit,n,n_failed,median,mean,stddev,ci_low,ci_high,ratio,ratio_ci_low,ratio_ci_high,overhead,"
                + "overhead_ci_low,overhead_ci_high,significant,mann_whitney_p,higher_is_better,baseline,units,not_judged,variant_of",
                lines[0]);
            var runscTotal = lines.Single(l => l.StartsWith("startup,total,runsc,", StringComparison.Ordinal)).Split(',');
            Assert.Equal("30", runscTotal[4]);
            Assert.Equal("2", runscTotal[5]);
            Assert.InRange(double.Parse(runscTotal[6], CultureInfo.InvariantCulture), 380, 440);
            Assert.Equal("true", runscTotal[17]);
            Assert.Equal("false", runscTotal[19]);
            Assert.Equal("host", runscTotal[20]);
            Assert.Contains(lines, l => l.StartsWith("io,SequentialWrite1MiB@layer,runc,MB/s,", StringComparison.Ordinal) && l.Contains(",true,host", StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public async Task An_unverified_mode_is_excluded_and_named()
    {
        using var f = FixtureRun.Realistic();
        f.Verification["runsc"] = new ModeVerification(false, "asked runsc, got the host kernel 6.1.0-28-amd64", 30);
        f.Verification["runc"] = new ModeVerification(true, "ok", 30);
        f.WriteManifest();
        f.Run.AppendFingerprint(new FingerprintRecord("crun", 3, "startup", "crun-3", false, "no container evidence", null));

        var result = await ReportGenerator.GenerateAsync(f.Path, Fast with { WriteCharts = false }, CancellationToken.None);

        Assert.Equal(["crun", "runsc"], result.ExcludedModes.Select(e => e.Mode).Order());
        Assert.DoesNotContain(result.Verdicts, v => v.Mode is "runsc" or "crun");
        var md = await File.ReadAllTextAsync(result.ReportMarkdown);
        Assert.Contains("Excluded mode **runsc**: isolation not verified — asked runsc, got the host kernel", md, StringComparison.Ordinal);
        Assert.Contains("Excluded mode **crun**", md, StringComparison.Ordinal);
        Assert.DoesNotContain(await File.ReadAllLinesAsync(result.SummaryCsv), l => l.Contains(",runsc,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_baseline_absent_from_the_samples_names_the_modes_present()
    {
        using var f = FixtureRun.Realistic();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            ReportGenerator.GenerateAsync(f.Path, Fast with { Baseline = "hyperv" }, CancellationToken.None));

        Assert.Contains("'hyperv'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("host, runc, crun, runsc", ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(f.Path, "report")));
    }

    [Theory]
    [InlineData("r,31,runc,startup,total,ms,12x.5,ok,0,c1,2025-01-01T12:00:00.0000000+00:00\n", "value")]
    [InlineData("r,31,runc,startup,tot", "truncated")]
    public async Task A_corrupt_or_truncated_samples_file_names_file_and_line(string badRow, string kind)
    {
        using var f = new FixtureRun(9) { Modes = ["host", "runc"] };
        f.AddExact("host", "startup", "total", Units.Milliseconds, 1, 2).AddExact("runc", "startup", "total", Units.Milliseconds, 3, 4).Write();
        await File.AppendAllTextAsync(f.Run.Samples, badRow);

        var ex = await Assert.ThrowsAsync<ResultsFormatException>(() => ReportGenerator.GenerateAsync(f.Path, Fast, CancellationToken.None));

        Assert.Equal(f.Run.Samples, ex.FilePath);
        Assert.Equal(6, ex.Line); // header + 4 good rows, then the bad one
        Assert.StartsWith(f.Run.Samples + ":6:", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(kind);
    }

    [Fact]
    public async Task Output_directory_option_is_honoured_and_publish_copies_a_self_contained_page()
    {
        using var f = FixtureRun.Realistic();
        var outDir = Path.Combine(f.Path, "elsewhere");
        var result = await ReportGenerator.GenerateAsync(f.Path, Fast with { OutputDirectory = outDir }, CancellationToken.None);
        Assert.Equal(outDir, result.OutputDirectory);
        Assert.False(Directory.Exists(Path.Combine(f.Path, "report")));

        var docs = Path.Combine(f.Path, "docs");
        var published = ReportPublisher.Publish(outDir, docs);

        Assert.Contains(Path.Combine(docs, "index.html"), published);
        Assert.Contains(Path.Combine(docs, "overhead-io.svg"), published);
        Assert.Contains(Path.Combine(docs, "report.md"), published);
        Assert.All(published, p => Assert.StartsWith(docs, p, StringComparison.Ordinal));
        Assert.Throws<FileNotFoundException>(() => ReportPublisher.Publish(f.Path, docs));
    }

    [Fact]
    public async Task Cpu_control_outside_five_percent_warns_that_the_host_was_noisy()
    {
        using var f = new FixtureRun(11) { Modes = ["host", "runc"] };
        f.Add("host", "cpu", "ComputeLoop", Units.NanosecondsPerOp, 1000, rounds: 10, iterations: 5, noise: 0.01)
            .Add("runc", "cpu", "ComputeLoop", Units.NanosecondsPerOp, 1120, rounds: 10, iterations: 5, noise: 0.01);
        f.Write();
        var result = await ReportGenerator.GenerateAsync(f.Path, Fast with { WriteCharts = false }, CancellationToken.None);

        Assert.Contains(result.Warnings, w => w.StartsWith("host was noisy: CPU control ComputeLoop ratio for runc is 1.1", StringComparison.Ordinal));
        Assert.Contains("OUTSIDE 0.95–1.05", await File.ReadAllTextAsync(result.ReportMarkdown), StringComparison.Ordinal);
    }
}
