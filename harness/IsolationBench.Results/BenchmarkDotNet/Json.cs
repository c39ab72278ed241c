using System.Text.Json;

namespace IsolationBench.Results.BenchmarkDotNet;

/// <summary>Required-field access that fails with a <see cref="ResultsFormatException"/> naming the file and the field.</summary>
internal static class Json
{
    public static JsonElement Required(JsonElement element, string name, string path, string where) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new ResultsFormatException(path, 0, $"{where}: missing \"{name}\"");

    public static string RequiredString(JsonElement element, string name, string path, string where)
    {
        var value = Required(element, name, path, where);
        return value.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(value.GetString())
            ? value.GetString()!
            : throw new ResultsFormatException(path, 0, $"{where}: \"{name}\" must be a non-empty string");
    }

    public static double RequiredNumber(JsonElement element, string name, string path, string where)
    {
        var value = Required(element, name, path, where);
        return value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw new ResultsFormatException(path, 0, $"{where}: \"{name}\" must be a number");
    }
}
