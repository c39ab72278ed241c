using System.Text.Json;
using IsolationBench.Results.BenchmarkDotNet;

namespace IsolationBench.Results.Io;

/// <summary>
/// What one io cell's artifacts say about its targets (io-targets.json, written by isobench-guest) and its reads
/// (the residency checks in isobench-units.json), as rows for io-targets.csv and io-reads.csv. Pure: reads files.
/// </summary>
public static class GuestIoFacts
{
    public const string TargetsJson = "io-targets.json";

    /// <summary>Targets as the guest described them; none when the guest wrote no io-targets.json (Windows, older guests).</summary>
    public static IReadOnlyList<IoTargetRow> Targets(string artifactsDir, GuestSampleContext context)
    {
        ArgumentNullException.ThrowIfNull(artifactsDir);
        ArgumentNullException.ThrowIfNull(context);
        var path = Path.Combine(artifactsDir, TargetsJson);
        if (!File.Exists(path))
        {
            return [];
        }

        using var document = JsonFile.Parse(path, "JSON");
        var targets = Json.Required(document.RootElement, "targets", path, "io targets");
        if (targets.ValueKind != JsonValueKind.Array)
        {
            throw new ResultsFormatException(path, 0, "io targets: \"targets\" must be an array");
        }

        return [.. targets.EnumerateArray().Select(t =>
        {
            var target = Json.RequiredString(t, "target", path, "io target");
            var statfs = Json.RequiredString(t, "fs_type", path, target);
            var mountType = Optional(t, "mount_fs_type");
            return new IoTargetRow(context.RunId, context.Round, context.Mode, target, mountType ?? statfs, statfs, Optional(t, "mount_options") ?? string.Empty);
        })];
    }

    /// <summary>One row per benchmark of the units file that carries residency checks.</summary>
    public static IReadOnlyList<IoReadRow> Reads(string artifactsDir, GuestSampleContext context)
    {
        ArgumentNullException.ThrowIfNull(artifactsDir);
        ArgumentNullException.ThrowIfNull(context);
        var path = Path.Combine(artifactsDir, GuestUnitsFile.FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        return [.. GuestUnitsFile.Read(path).Values
            .Where(u => u.Residency.Count > 0)
            .OrderBy(u => u.Metric, StringComparer.Ordinal)
            .Select(u => new IoReadRow(
                context.RunId,
                context.Round,
                context.Mode,
                u.Metric,
                u.Residency.Count,
                u.Residency.Max(c => c.FilePages),
                u.Residency.Max(c => c.ResidentPages),
                ReadKinds.Classify(u.Residency)!))];
    }

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
