namespace IsolationBench.Harness.Tests.Integration;

internal sealed class TempRoot : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("isobench-it-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers under /tmp are harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
