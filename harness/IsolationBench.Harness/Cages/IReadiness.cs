namespace IsolationBench.Harness.Cages;

/// <summary>
/// How a cage says it is ready (as testcontainers' wait strategies): a line on its stdout, or a port answering. A line
/// strategy answers from what already arrived too, so the same strategy serves a cage that is awaited while it runs and
/// one read after it exited.
/// </summary>
public interface IReadiness
{
    /// <summary>What the cage was waiting for, for a failure: "its ready line", "line 2"…</summary>
    string Awaited { get; }

    /// <summary>The moment the cage was ready (Stopwatch ticks) and the line that said so; null when its output ended first.</summary>
    /// <exception cref="CageNotReadyException">The strategy got an answer that is not readiness (a port refusing, a broken connection).</exception>
    Task<ReadySignal?> WaitAsync(ICage cage, CancellationToken cancellationToken);
}

/// <summary>When a cage was ready (Stopwatch ticks) and the line that said so (empty for a port answering).</summary>
public readonly record struct ReadySignal(long At, string Line);

/// <summary>The strategies a workload picks from.</summary>
public static class Readiness
{
    /// <summary>The first stdout line (the probe's ready line, seen on a stream attached before start).</summary>
    public static IReadiness FirstLine { get; } = new NthLine(1);

    /// <summary>Stdout line <paramref name="number"/> arrived, whatever it says (a ready line and the fingerprint after it: 2).</summary>
    public static IReadiness Line(int number) => new NthLine(number);

    /// <summary>The first stdout line starting with <paramref name="prefix"/> (a marker among other output).</summary>
    public static IReadiness NamedLine(string prefix) => new NamedLine(prefix);

    /// <summary>A client on the host gets an answer from <paramref name="server"/>: a TCP connect, or what <paramref name="probe"/> asks (an HTTP 200).</summary>
    public static IReadiness PortAnswering(System.Net.IPEndPoint server, Action<System.Net.IPEndPoint, CancellationToken>? probe = null) =>
        new PortAnswering(server, probe ?? Cages.PortAnswering.TcpConnect);
}
