using BenchmarkDotNet.Running;
using IsolationBench.Benchmarks.Guest;
using IsolationBench.Benchmarks.Guest.Benchmarks;
using IsolationBench.Benchmarks.Guest.Benchmarks.Network;
using IsolationBench.Benchmarks.Guest.Filesystems;
using IsolationBench.Benchmarks.Guest.Fio;
using IsolationBench.Benchmarks.Guest.Iperf3;

// Exit codes: 0 all benchmarks ran, 1 a benchmark failed, BDN refused to run or a category had nothing to run
// (on this OS, or after --filter), 2 bad command line.
// The fio and iperf3 cross-checks (--fio, --iperf3) never change the exit code: they are second opinions, not benchmarks.
// `serve`: the server end of the host↔container workload (network-host); the harness is its client.
if (args.Length > 0 && args[0] == "serve")
{
    return IsolationBench.Benchmarks.Guest.Serve.NetworkServer.Run(args[1..], Console.Out, Console.Error);
}

// `serve-app`: the app workload's ASP.NET Core service; `app-client`: its client inside the container (a mode without a network).
if (args.Length > 0 && args[0] == "serve-app")
{
    return await IsolationBench.Benchmarks.Guest.App.AppService.RunAsync(args[1..], Console.Out, Console.Error).ConfigureAwait(false);
}

if (args.Length > 0 && args[0] == "app-client")
{
    return await IsolationBench.Benchmarks.Guest.App.AppClientMode.RunAsync(args[1..], Console.Out, Console.Error).ConfigureAwait(false);
}

GuestOptions options;
try
{
    options = GuestArguments.Parse(args);
}
catch (GuestArgumentException ex)
{
    await Console.Error.WriteLineAsync("isobench-guest: " + ex.Message).ConfigureAwait(false);
    return 2;
}

using var cancellation = new CancellationTokenSource();
// Ctrl+C still ends the process (BDN cannot be cancelled midway); the token stops a running fio with it.
Console.CancelKeyPress += (_, _) => cancellation.Cancel();

GuestSettings.LayerDir = options.LayerDir;
GuestSettings.VolumeDir = options.VolumeDir;
try
{
    Directory.CreateDirectory(options.ArtifactsDir);
    Directory.CreateDirectory(options.LayerDir);
    await FingerprintFile.WriteAsync(options.ArtifactsDir, cancellation.Token).ConfigureAwait(false);
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    await Console.Error.WriteLineAsync($"isobench-guest: cannot write to a directory: {ex.Message}").ConfigureAwait(false);
    return 2;
}

if (options.Categories.Contains(GuestCategories.Io))
{
    try
    {
        await IoTargetsFile.WriteAsync(options, cancellation.Token).ConfigureAwait(false);
    }
    catch (IOException ex)
    {
        // The benchmarks still run; the report then says the targets' filesystems were not recorded.
        await Console.Error.WriteLineAsync($"isobench-guest: io targets not described: {ex.Message}").ConfigureAwait(false);
    }
}

var failed = new List<string>();
var outcomes = new Dictionary<string, string?>(StringComparer.Ordinal);
var part = 0;
foreach (var category in options.Categories)
{
    var failedBefore = failed.Count;
    await RunCategoryAsync(category).ConfigureAwait(false);
    outcomes[category] = failed.Count == failedBefore ? null : string.Join("; ", failed.Skip(failedBefore));
    CategoryOutcomesFile.Write(options.ArtifactsDir, outcomes);
}

if (failed.Count > 0)
{
    await Console.Error.WriteLineAsync("isobench-guest: failed: " + string.Join("; ", failed)).ConfigureAwait(false);
    return 1;
}

return 0;

async Task RunCategoryAsync(string category)
{
    if (category == GuestCategories.Network && LoopbackCheck.Problem() is { } loopback)
    {
        failed.Add($"{category} ({loopback})");
        return;
    }

    var runs = GuestDiscovery.For(options, category, GuestPlatforms.Current);
    if (runs.Count == 0)
    {
        failed.Add(category + (options.Filter is null ? " (no benchmark on this OS)" : $" (nothing matches --filter {options.Filter} on this OS)"));
        return;
    }

    // With --fio, each operation fio referees runs on its own, fio's job for it beside each of its iterations
    // (RefereedRuns, FioInterleave);
    // with --iperf3, so does the TCP bulk benchmark with iperf3 on the side asked.
    IReadOnlyList<(BenchmarkRunInfo[] Runs, IoOperation? Refereed, string? Iperf3)> parts =
        options.Fio && category == GuestCategories.Io
            ? [.. runs.SelectMany(RefereedRuns.Split).Select(p => (new[] { p.Run }, p.Refereed, (string?)null))]
        : options.Iperf3 is not null && category == GuestCategories.Network
            ? [.. runs.SelectMany(r => RefereedRuns.Split(r, Iperf3CrossCheck.Refereed)).Select(p => (new[] { p.Run }, (IoOperation?)null, p.Refereed))]
        : [([.. runs], null, null)];
    foreach (var (group, refereed, iperf3) in parts)
    {
        // fio's job beside each of our iterations, after and before in turn (FioInterleave), several pairs per container.
        var interleave = refereed is not null
            ? await FioInterleave.StartAsync(options, refereed, Console.Out, cancellation.Token).ConfigureAwait(false)
            : null;
        if (iperf3 is not null && options.Iperf3 == Iperf3CrossCheck.Side.Before)
        {
            await Iperf3CrossCheck.RunAsync(options, Iperf3CrossCheck.Side.Before, Console.Out, cancellation.Token).ConfigureAwait(false);
        }

        var pairs = FioInterleave.IterationsFor(GuestConfig.CreateJob(options.Profile, category).Run.IterationCount);
        IoBenchmarks.BeforeRefereedIteration = interleave is null ? null : interleave.BeforeIteration;
        IoBenchmarks.AfterRefereedIteration = interleave is null ? null : interleave.AfterIteration;
        try
        {
            foreach (var summary in BenchmarkRunner.Run(interleave is null ? group : [.. group.Select(r => RefereedRuns.WithIterations(r, pairs))]))
            {
                UnitsFile.Write(options.ArtifactsDir, summary.BenchmarksCases);
                if (summary.HasCriticalValidationErrors)
                {
                    failed.Add(category + " (validation)");
                }

                failed.AddRange(summary.Reports.Where(r => !r.Success).Select(r => r.BenchmarkCase.DisplayInfo));
            }
        }
        finally
        {
            IoBenchmarks.BeforeRefereedIteration = null;
            IoBenchmarks.AfterRefereedIteration = null;
        }

        interleave?.Finish(measured: pairs);
        BdnReportFiles.KeepApart(options.ArtifactsDir, ++part);

        if (iperf3 is not null && options.Iperf3 == Iperf3CrossCheck.Side.After)
        {
            await Iperf3CrossCheck.RunAsync(options, Iperf3CrossCheck.Side.After, Console.Out, cancellation.Token).ConfigureAwait(false);
        }
    }
}
