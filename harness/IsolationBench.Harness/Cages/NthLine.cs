using System.Globalization;

namespace IsolationBench.Harness.Cages;

/// <summary>Ready when stdout line N arrived, whatever it says: the caller reads the protocol of its lines afterwards.</summary>
internal sealed class NthLine : IReadiness
{
    private readonly int _number;

    public NthLine(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        _number = number;
    }

    public string Awaited => _number == 1 ? "its first line" : "line " + _number.ToString(CultureInfo.InvariantCulture);

    public async Task<ReadySignal?> WaitAsync(ICage cage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cage);
        return await cage.Output.LineAsync(l => l.Number == _number, cancellationToken).ConfigureAwait(false) is { } line
            ? new ReadySignal(line.Arrived, line.Text)
            : null;
    }
}
