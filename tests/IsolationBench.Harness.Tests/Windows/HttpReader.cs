using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace IsolationBench.Harness.Tests.Windows;

/// <summary>One HTTP/1.1 request as the fake engine read it. Header names are lower-case.</summary>
internal sealed record HttpRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// Reads HTTP/1.1 requests from one connection: Content-Length and chunked bodies, and Expect: 100-continue
/// (the build upload may ask for it). Just enough of HTTP for the Docker client, no more.
/// </summary>
internal sealed class HttpReader(NetworkStream stream)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next request, or null when the client closed the connection between requests.</summary>
    public async Task<HttpRequest?> ReadRequestAsync(NetworkStream output, CancellationToken cancellationToken)
    {
        var requestLine = await ReadLineAsync(cancellationToken);
        while (requestLine is { Length: 0 })
        {
            requestLine = await ReadLineAsync(cancellationToken);
        }

        if (requestLine is null)
        {
            return null;
        }

        var parts = requestLine.Split(' ');
        if (parts.Length < 3)
        {
            throw new IOException("bad request line: " + requestLine);
        }

        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await ReadLineAsync(cancellationToken) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
            }
        }

        if (headers.TryGetValue("expect", out var expect) && expect.Equals("100-continue", StringComparison.OrdinalIgnoreCase))
        {
            await output.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), cancellationToken);
        }

        byte[] body;
        if (headers.TryGetValue("transfer-encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await ReadChunkedAsync(cancellationToken);
        }
        else if (headers.TryGetValue("content-length", out var cl) && int.TryParse(cl, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            body = await ReadExactlyAsync(length, cancellationToken);
        }
        else
        {
            body = [];
        }

        return new HttpRequest(parts[0], parts[1], headers, body);
    }

    private async Task<byte[]> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(cancellationToken) ?? throw new IOException("connection closed inside a chunked body");
            var size = int.Parse(sizeLine.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                while (await ReadLineAsync(cancellationToken) is { Length: > 0 })
                {
                    // trailers: ignored
                }

                return body.ToArray();
            }

            body.Write(await ReadExactlyAsync(size, cancellationToken));
            await ReadLineAsync(cancellationToken);
        }
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                throw new IOException("connection closed inside a body");
            }

            var n = Math.Min(count - filled, _end - _start);
            Array.Copy(_buffer, _start, result, filled, n);
            _start += n;
            filled += n;
        }

        return result;
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                return line.Length == 0 ? null : line.ToString();
            }

            var b = _buffer[_start++];
            if (b == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)b);
        }
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await stream.ReadAsync(_buffer, cancellationToken);
        return _end > 0;
    }
}
