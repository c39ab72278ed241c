using System.Text.Json;
using System.Text.Json.Serialization;

namespace IsolationBench.Results;

/// <summary>The files of one run directory (results/&lt;run-id&gt;/) and their JSON conventions.</summary>
public sealed class RunDirectory(string path)
{
    public const string ManifestFile = "manifest.json";
    public const string FingerprintsFile = "fingerprints.jsonl";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly JsonSerializerOptions JsonLine = new(Json) { WriteIndented = false };

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string Samples => System.IO.Path.Combine(Path, SampleCsv.FileName);

    /// <summary>The engine's own events for the startup containers (see <see cref="EngineEventsCsv"/>).</summary>
    public string EngineEvents => System.IO.Path.Combine(Path, EngineEventsCsv.FileName);

    public string Manifest => System.IO.Path.Combine(Path, ManifestFile);

    public string Fingerprints => System.IO.Path.Combine(Path, FingerprintsFile);

    /// <summary>Where copied-out guest artifacts (BenchmarkDotNet JSON, fio output) go, per mode and round.</summary>
    public string Artifacts => System.IO.Path.Combine(Path, "artifacts");

    public void WriteManifest(RunManifest manifest)
    {
        // Write-then-rename: a crash never leaves a half-written manifest.
        var tmp = Manifest + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(manifest, Json));
        File.Move(tmp, Manifest, overwrite: true);
    }

    public RunManifest ReadManifest()
    {
        if (!File.Exists(Manifest))
        {
            throw new ResultsFormatException(Manifest, 0, "not found: is this a run directory (results/<run-id>)?");
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(Manifest), Json)
                ?? throw new ResultsFormatException(Manifest, 1, "empty manifest");
            return manifest.Schema == RunManifest.CurrentSchema
                ? manifest
                : throw new ResultsFormatException(Manifest, 1, FormattableString.Invariant(
                    $"manifest schema {manifest.Schema} is not the supported {RunManifest.CurrentSchema} (written by IsolationBench {manifest.ToolVersion})"));
        }
        catch (JsonException ex)
        {
            throw new ResultsFormatException(Manifest, (ex.LineNumber ?? 0) + 1, "not valid manifest JSON: " + ex.Message.Split('\n')[0], ex);
        }
    }

    public void AppendFingerprint(FingerprintRecord record)
    {
        File.AppendAllText(Fingerprints, JsonSerializer.Serialize(record, JsonLine) + "\n");
    }

    public IReadOnlyList<FingerprintRecord> ReadFingerprints()
    {
        if (!File.Exists(Fingerprints))
        {
            return [];
        }

        var list = new List<FingerprintRecord>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(Fingerprints))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                list.Add(JsonSerializer.Deserialize<FingerprintRecord>(line, JsonLine)
                    ?? throw new ResultsFormatException(Fingerprints, lineNo, "null record"));
            }
            catch (JsonException ex)
            {
                throw new ResultsFormatException(Fingerprints, lineNo, "not valid JSON: " + ex.Message.Split('\n')[0], ex);
            }
        }

        return list;
    }
}

/// <summary>One line of fingerprints.jsonl: what the container (or host process) of one cell said about itself, and the verdict. Guest categories that shared a container give a line each, with the same source.</summary>
public sealed record FingerprintRecord(
    string Mode,
    int Round,
    string Workload,
    string Source,
    bool Verified,
    string Reason,
    Fingerprint.IsolationFingerprint? Fingerprint);
