using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IsolationBench.AppLoad;

/// <summary>
/// One keep-alive HTTP/1.1 connection on a blocking socket with TCP_NODELAY and a timeout on every call: a request is
/// one write, its response read until its Content-Length is in. Deliberately minimal (no chunked bodies: the service
/// sets Content-Length) so the client's own cost per request stays small and the same on every path.
/// </summary>
public sealed class HttpConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private HttpConnection(Socket socket) => _socket = socket;

    public static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(10);

    public static HttpConnection Open(IPEndPoint server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            SendTimeout = (int)OperationTimeout.TotalMilliseconds,
            ReceiveTimeout = (int)OperationTimeout.TotalMilliseconds,
        };
        try
        {
            socket.Connect(server);
            return new HttpConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The request bytes for <paramref name="method"/> <paramref name="path"/> (keep-alive, no body).</summary>
    public static byte[] Request(string method, string path) =>
        Encoding.ASCII.GetBytes($"{method} {path} HTTP/1.1\r\nHost: isobench\r\nContent-Length: 0\r\n\r\n");

    /// <summary>Sends one request and reads its whole response; returns the status code and the body's length.</summary>
    public (int Status, int BodyLength) Send(byte[] request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sent = 0;
        while (sent < request.Length)
        {
            sent += _socket.Send(request, sent, request.Length - sent, SocketFlags.None);
        }

        int headerEnd;
        while ((headerEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
        {
            Fill();
        }

        var (status, length) = ParseHead(_buffer.AsSpan(_start, headerEnd));
        _start += headerEnd + 4;
        var remaining = length;
        while (remaining > 0)
        {
            if (_start == _end)
            {
                Fill();
            }

            var take = Math.Min(remaining, _end - _start);
            _start += take;
            remaining -= take;
        }

        return (status, length);
    }

    /// <summary>The status code and Content-Length of a response head (without its blank line).</summary>
    public static (int Status, int ContentLength) ParseHead(ReadOnlySpan<byte> head)
    {
        var text = Encoding.ASCII.GetString(head);
        var lines = text.Split("\r\n");
        var status = lines[0].Split(' ');
        if (status.Length < 2 || !status[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
            || !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            throw new IOException($"not an HTTP/1.x status line: \"{lines[0]}\"");
        }

        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                return int.TryParse(line.AsSpan(colon + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                    ? (code, length)
                    : throw new IOException($"bad Content-Length: \"{line}\"");
            }
        }

        throw new IOException("the response has no Content-Length (this client reads no chunked bodies)");
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            throw new IOException("a response head larger than the client's buffer");
        }

        var n = _socket.Receive(_buffer, _end, _buffer.Length - _end, SocketFlags.None);
        if (n == 0)
        {
            throw new IOException("the server closed the connection mid-response");
        }

        _end += n;
    }

    public void Dispose() => _socket.Dispose();
}
