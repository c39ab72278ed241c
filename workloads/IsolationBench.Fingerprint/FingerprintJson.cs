using System.Text.Json;
using System.Text.Json.Serialization;

namespace IsolationBench.Fingerprint;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = false)]
[JsonSerializable(typeof(IsolationFingerprint))]
internal sealed partial class FingerprintJsonContext : JsonSerializerContext;

/// <summary>One-line JSON form of a fingerprint (source-generated, so the AOT probe can use it).</summary>
public static class FingerprintJson
{
    public static string Serialize(IsolationFingerprint fingerprint) =>
        JsonSerializer.Serialize(fingerprint, FingerprintJsonContext.Default.IsolationFingerprint);

    /// <summary>Parses a fingerprint line; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static IsolationFingerprint Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, FingerprintJsonContext.Default.IsolationFingerprint)
                ?? throw new FormatException("fingerprint JSON is null");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"fingerprint is not valid JSON: {ex.Message}", ex);
        }
    }
}
