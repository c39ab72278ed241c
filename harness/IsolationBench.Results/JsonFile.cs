using System.Text.Json;

namespace IsolationBench.Results;

/// <summary>Parses a JSON results file (BDN report, fio output…); bad JSON is a <see cref="ResultsFormatException"/> with file and line.</summary>
public static class JsonFile
{
    public static JsonDocument Parse(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new ResultsFormatException(path, (ex.LineNumber ?? 0) + 1, $"not valid {what}: " + ex.Message.Split('\n')[0], ex);
        }
    }
}
