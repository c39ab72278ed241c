namespace IsolationBench.Harness.Cages;

internal static class ShortId
{
    /// <summary>The first 12 characters of an engine id, as the engine's own CLI shows it.</summary>
    public static string Of(string id) => id[..Math.Min(12, id.Length)];
}
