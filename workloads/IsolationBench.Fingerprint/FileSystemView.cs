namespace IsolationBench.Fingerprint;

/// <summary>Reads Linux pseudo-files relative to a root, so detection can be tested on recorded trees.</summary>
public sealed class FileSystemView(string root)
{
    public string Root { get; } = root;

    public string Map(string absolutePath) => Path.Combine(Root, absolutePath.TrimStart('/'));

    public string? ReadText(string absolutePath)
    {
        try
        {
            var path = Map(absolutePath);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public bool Exists(string absolutePath) => File.Exists(Map(absolutePath)) || Directory.Exists(Map(absolutePath));

    public IReadOnlyList<string> ListDirectory(string absolutePath)
    {
        try
        {
            var path = Map(absolutePath);
            return Directory.Exists(path)
                ? [.. Directory.EnumerateFileSystemEntries(path).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
                : [];
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
