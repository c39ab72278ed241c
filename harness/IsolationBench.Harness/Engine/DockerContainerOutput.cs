using Docker.DotNet;

namespace IsolationBench.Harness.Engine;

internal sealed class DockerContainerOutput(MultiplexedStream stream) : IContainerOutput
{
    public async Task<OutputChunk?> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var array = new byte[buffer.Length];
        var result = await stream.ReadOutputAsync(array, 0, array.Length, cancellationToken).ConfigureAwait(false);
        if (result.EOF || result.Count == 0)
        {
            return null;
        }

        array.AsMemory(0, result.Count).CopyTo(buffer);
        return new OutputChunk(result.Count, result.Target == MultiplexedStream.TargetStream.StandardError);
    }

    public void Dispose() => stream.Dispose();
}
