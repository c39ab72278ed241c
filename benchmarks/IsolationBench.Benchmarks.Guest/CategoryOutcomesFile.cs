using System.Text.Json;

namespace IsolationBench.Benchmarks.Guest;

/// <summary>
/// &lt;artifacts&gt;/categories.json: each category this process finished, with null (ran) or why it failed. Rewritten
/// after every category, so when several categories share one container and one of them fails — or the process dies
/// in the third — the harness still keeps the ones that ran and blames only the one that did not. A category missing
/// from the file never finished.
/// </summary>
public static class CategoryOutcomesFile
{
    public const string FileName = "categories.json";

    public static void Write(string artifactsDir, IReadOnlyDictionary<string, string?> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var path = Path.Combine(artifactsDir, FileName);
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(outcomes) + "\n");
        File.Move(tmp, path, overwrite: true);
    }
}
