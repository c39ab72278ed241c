using System.Globalization;
using IsolationBench.Harness.Matrix;
using IsolationBench.Results;

namespace IsolationBench.Harness.Run;

/// <summary>A run's folder: a new one (refused when it exists and is not empty), or an interrupted one to resume.</summary>
public static class RunDirectories
{
    public static string ToolVersion =>
        typeof(RunDirectories).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static string NewRunId() =>
        DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" +
        new string([.. Environment.MachineName.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20)]);

    public static RunManifest OpenForResume(string path)
    {
        var directory = new RunDirectory(path);
        var manifest = directory.ReadManifest();
        if (manifest.ToolVersion != ToolVersion)
        {
            throw new UsageException($"{path} was written by IsolationBench {manifest.ToolVersion}, this is {ToolVersion}: resume it with that version, or start a new run");
        }

        if (manifest.Status == "complete")
        {
            throw new UsageException($"{path} is already complete: nothing to resume (isobench report {path} writes its report)");
        }

        return manifest;
    }

    /// <summary>Cells whose samples are on disk (a cell's rows are written in one append: all or none).</summary>
    public static ISet<string> CompletedCells(RunDirectory directory, IProgress<string> log)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(log);
        if (!File.Exists(directory.Samples))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        if (SampleCsv.TruncatePartialLastLine(directory.Samples))
        {
            log.Report($"dropped a partial last line of {directory.Samples} (the run was cut off mid-write)");
        }

        return SampleCsv.Read(directory.Samples)
            .Select(s => MatrixCell.KeyOf(s.Round, s.Workload, s.Mode))
            .ToHashSet(StringComparer.Ordinal);
    }

    public static RunDirectory Create(string output, string runId)
    {
        var path = Path.Combine(output, runId);
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
        {
            throw new UsageException($"run directory {path} already exists and is not empty: choose another --run-id (nothing was overwritten)");
        }

        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, ".write-test");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write to {path} ({ex.Message}): choose a writable --output");
        }

        return new RunDirectory(path);
    }
}
