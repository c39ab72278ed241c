using System.Net.Sockets;

namespace IsolationBench.Benchmarks.Guest.Benchmarks.Network;

/// <summary>
/// The server side of a benchmark on its own thread. A socket error there (a timeout, the client gone) ends the
/// thread instead of the process, with one line on stderr (the cell's guest.log); the client then fails with its own
/// timeout, which names the operation.
/// </summary>
internal sealed class PeerThread
{
    private readonly Thread _thread;

    public PeerThread(string name, Action serve)
    {
        ArgumentNullException.ThrowIfNull(serve);
        _thread = new Thread(() =>
        {
            try
            {
                serve();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException or InvalidOperationException)
            {
                Console.Error.WriteLine($"isobench-guest: {name} stopped: {ex.GetType().Name}: {ex.Message}");
            }
        })
        { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Waits for the peer to finish after it was told to stop; a peer that does not is left to the process's end (background thread).</summary>
    public bool Join() => _thread.Join(LoopbackSockets.PeerTimeout);
}
