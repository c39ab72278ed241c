using System.Text.Json;

namespace IsolationBench.Results.BenchmarkDotNet;

/// <summary>
/// Which of the categories that shared one guest container (or host process) ran, from how the process ended and the
/// categories.json the guest rewrites after each category (IsolationBench.Benchmarks.Guest's CategoryOutcomesFile).
/// </summary>
public static class GuestCategoryOutcomes
{
    public const string FileName = "categories.json";

    /// <summary>
    /// Category → null when it ran, else why not. A clean exit means every category ran. After a failed one, a category
    /// the file records keeps its own outcome; one it does not record never finished and carries the run's failure.
    /// </summary>
    public static Dictionary<string, string?> Of(string? runFailure, IReadOnlyList<string> categories, IReadOnlyDictionary<string, string?>? recorded)
    {
        ArgumentNullException.ThrowIfNull(categories);
        return categories.ToDictionary(
            c => c,
            c => recorded is not null && recorded.TryGetValue(c, out var own) ? own : runFailure,
            StringComparer.Ordinal);
    }

    /// <exception cref="FormatException">Not a JSON object of category → null or text.</exception>
    public static IReadOnlyDictionary<string, string?> Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? throw new FormatException($"{FileName} is null");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{FileName} is not category → outcome: {ex.Message}", ex);
        }
    }
}
