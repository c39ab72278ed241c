using System.Globalization;

namespace IsolationBench.Benchmarks.Guest.Iperf3;

/// <summary>
/// The iperf3 command lines that repeat what <see cref="Benchmarks.NetworkBenchmarks.TcpBulk64KiB"/> measures: TCP over
/// 127.0.0.1 in the same cage, 64 KiB writes (-l 64K, our write size), one client stream, JSON out (-J). The server
/// serves one test and exits (-1). Pure: builds arguments, runs nothing.
/// </summary>
public static class Iperf3Commands
{
    /// <summary>Our benchmark's write size; iperf3's -l is the size of each write(), as ours is each Send.</summary>
    public const int WriteBytes = 64 * 1024;

    public static IReadOnlyList<string> Server(int port) =>
        ["-s", "-1", "-B", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture)];

    public static IReadOnlyList<string> Client(int port, int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1);
        return ["-c", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-J", "-t", seconds.ToString(CultureInfo.InvariantCulture), "-l", "64K"];
    }

    /// <summary>
    /// Seconds of iperf3 per container: short, because our own bulk benchmark is what is measured and each container
    /// already is a unit; a second at quick (and smoke), two from default on.
    /// </summary>
    public static int Seconds(GuestProfile profile) => profile is GuestProfile.Smoke or GuestProfile.Quick ? 1 : 2;
}
