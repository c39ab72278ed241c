using System.Globalization;
using System.Net;
using System.Text.Json;
using IsolationBench.AppLoad;
using IsolationBench.Fingerprint;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IsolationBench.Benchmarks.Guest.App;

/// <summary>
/// <c>isobench-guest serve-app --port N [--bind ADDRESS] [--deadline SECONDS]</c>: the app workload's service, a minimal
/// ASP.NET Core app on Kestrel. GET /json serializes a small object per request; GET /file reads a 4 KiB file written
/// at start into the temp directory (in a container: its own writable layer) per request; POST /quit stops it. Writes
/// "ISOBENCH-READY port=N" once Kestrel listens, then its fingerprint line (<see cref="AppProtocol"/>).
/// Exit codes: 0 told to stop (POST /quit or SIGTERM), 1 a failure or the deadline passed, 2 bad command line.
/// </summary>
public static class AppService
{
    public const string Usage = "usage: isobench-guest serve-app --port N [--bind ADDRESS] [--deadline SECONDS]";

    /// <summary>How long it serves without being told to stop: a lost harness cannot leave it running.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (Parse(args) is not var (endpoint, deadline))
        {
            await stderr.WriteLineAsync("isobench-guest: " + Usage).ConfigureAwait(false);
            return 2;
        }

        var file = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"isobench-app-{Environment.ProcessId}.bin"));
        try
        {
            var content = new byte[AppProtocol.FileBytes];
            Random.Shared.NextBytes(content);
            await File.WriteAllBytesAsync(file, content).ConfigureAwait(false);
            return await ServeAsync(endpoint, deadline, file, stdout, stderr).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"isobench-guest: serve-app: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<int> ServeAsync(IPEndPoint endpoint, TimeSpan deadline, string file, TextWriter stdout, TextWriter stderr)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(endpoint));
        await using var app = builder.Build();
        app.MapGet(AppProtocol.JsonPath, (RequestDelegate)(context => WriteAsync(context, "application/json", JsonSerializer.SerializeToUtf8Bytes(new Greeting("Hello, World!", DateTimeOffset.UtcNow), GreetingJson.Default.Greeting))));
        app.MapGet(AppProtocol.FilePath, (RequestDelegate)(async context => await WriteAsync(context, "application/octet-stream", await File.ReadAllBytesAsync(file, context.RequestAborted).ConfigureAwait(false)).ConfigureAwait(false)));
        app.MapPost(AppProtocol.QuitPath, (RequestDelegate)(context =>
        {
            context.RequestServices.GetRequiredService<IHostApplicationLifetime>().StopApplication();
            return WriteAsync(context, "text/plain", "stopping\n"u8.ToArray());
        }));
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await stderr.WriteLineAsync($"isobench-guest: serve-app: cannot listen on {endpoint}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        await stdout.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{AppProtocol.ReadyLine} port={port}\n")).ConfigureAwait(false);
        await stdout.FlushAsync().ConfigureAwait(false);
        await stdout.WriteAsync(FingerprintJson.Serialize(FingerprintCollector.Collect()) + "\n").ConfigureAwait(false);
        await stdout.FlushAsync().ConfigureAwait(false);

        using var timeout = new CancellationTokenSource(deadline);
        var stopping = app.Lifetime.ApplicationStopping;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Told to stop, or the deadline: which one decides the exit code below.
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        if (!stopping.IsCancellationRequested)
        {
            await stderr.WriteLineAsync(FormattableString.Invariant($"isobench-guest: serve-app: not told to stop within {deadline.TotalSeconds:0} s; exiting")).ConfigureAwait(false);
            return 1;
        }

        return 0;
    }

    private static Task WriteAsync(HttpContext context, string contentType, byte[] body)
    {
        // Content-Length set: the response is one write, and the clients read no chunked bodies.
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    internal static (IPEndPoint Endpoint, TimeSpan Deadline)? Parse(IReadOnlyList<string> args)
    {
        int? port = null;
        var bind = IPAddress.Any;
        var deadline = DefaultDeadline;
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                return null;
            }

            var value = args[i + 1];
            switch (args[i])
            {
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535:
                    port = p;
                    break;
                case "--bind" when IPAddress.TryParse(value, out var address):
                    bind = address;
                    break;
                case "--deadline" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0:
                    deadline = TimeSpan.FromSeconds(s);
                    break;
                default:
                    return null;
            }
        }

        return port is { } chosen ? (new IPEndPoint(bind, chosen), deadline) : null;
    }
}

/// <summary>What GET /json answers.</summary>
public sealed record Greeting(string Message, DateTimeOffset At);

[System.Text.Json.Serialization.JsonSerializable(typeof(Greeting))]
internal sealed partial class GreetingJson : System.Text.Json.Serialization.JsonSerializerContext;
