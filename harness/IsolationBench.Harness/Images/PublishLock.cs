namespace IsolationBench.Harness.Images;

/// <summary>
/// A cross-process lock around publishing into artifacts/: two isobench runs (or test assemblies running in
/// parallel) must not run `dotnet publish` of the same project into the same folder at once.
/// </summary>
internal sealed class PublishLock : IDisposable
{
    private readonly FileStream _stream;

    private PublishLock(FileStream stream) => _stream = stream;

    public static async Task<PublishLock> AcquireAsync(string directory, string name, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "." + name + ".lock");
        var deadline = DateTime.UtcNow.AddMinutes(15);
        while (true)
        {
            try
            {
                return new PublishLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
