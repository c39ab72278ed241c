namespace IsolationBench.Harness.Cages;

/// <summary>Ready when a stdout line starting with the marker arrived; lines before it (a client's own log) do not count.</summary>
internal sealed class NamedLine(string prefix) : IReadiness
{
    public string Awaited => $"a line \"{prefix}…\"";

    public async Task<ReadySignal?> WaitAsync(ICage cage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cage);
        return await cage.Output.LineStartingAsync(prefix, cancellationToken).ConfigureAwait(false) is { } line
            ? new ReadySignal(line.Arrived, line.Text)
            : null;
    }
}
