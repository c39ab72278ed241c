using BenchmarkDotNet.Running;
using IsolationBench.Benchmarks.Guest;

// Exit codes: 0 all benchmarks ran, 1 a benchmark failed or BDN refused to run, 2 bad command line.
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

GuestSettings.LayerDir = options.LayerDir;
GuestSettings.VolumeDir = options.VolumeDir;
try
{
    Directory.CreateDirectory(options.ArtifactsDir);
    Directory.CreateDirectory(options.LayerDir);
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    await Console.Error.WriteLineAsync($"isobench-guest: cannot create a directory: {ex.Message}").ConfigureAwait(false);
    return 2;
}

var failed = new List<string>();
foreach (var category in options.Categories)
{
    var summary = BenchmarkRunner.Run(GuestCategories.BenchmarkType(category), GuestConfig.Create(options, category));
    UnitsFile.Write(options.ArtifactsDir, summary.BenchmarksCases);
    if (summary.HasCriticalValidationErrors)
    {
        failed.Add(category + " (validation)");
    }

    failed.AddRange(summary.Reports.Where(r => !r.Success).Select(r => r.BenchmarkCase.DisplayInfo));
}

if (failed.Count > 0)
{
    await Console.Error.WriteLineAsync("isobench-guest: failed: " + string.Join("; ", failed)).ConfigureAwait(false);
    return 1;
}

return 0;
