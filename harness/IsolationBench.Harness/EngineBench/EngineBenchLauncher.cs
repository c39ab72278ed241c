using System.Diagnostics;
using System.Globalization;
using IsolationBench.Harness.Images;

namespace IsolationBench.Harness.EngineBench;

/// <summary>What the engine benchmarks measure: the matrix's own modes, probe image and probe binary.</summary>
public sealed record EngineBenchRequest(
    string RunId,
    IReadOnlyList<string> Modes,
    string ProbeImage,
    string ProbeBinary,
    string OutputDirectory,
    int Iterations,
    int Warmup,
    string? Engine,
    bool InsecureEngine)
{
    /// <summary>--tls-ca/--tls-cert/--tls-key for the child (DOCKER_TLS_VERIFY/DOCKER_CERT_PATH reach it through the environment).</summary>
    public IReadOnlyList<string> TlsArguments { get; init; } = [];
}

/// <summary>The outcome: where BDN wrote its exports, and null or one line saying why it failed.</summary>
public sealed record EngineBenchOutcome(string Directory, string? Failure);

/// <summary>
/// Publishes benchmarks/IsolationBench.Benchmarks.Host (Release, when older than its sources) and runs it as a
/// child process in the middle of the startup rounds (see RunSession). A process of its own so that BDN always measures a Release build (isobench
/// itself may run from Debug) and its process-wide settings and console output stay out of the harness; inside
/// it, BDN uses the in-process toolchain over the same engine adapter (see EngineBenchConfig).
/// </summary>
public sealed class EngineBenchLauncher(RepositoryLayout layout, IProgress<string> log)
{
    public const string DirectoryName = "engine-bench";
    public const string ConsoleLog = "console.log";

    public string Project => Path.Combine(layout.Root, "benchmarks", "IsolationBench.Benchmarks.Host", "IsolationBench.Benchmarks.Host.csproj");

    public string PublishDirectory(string rid) => Path.Combine(layout.Artifacts, DirectoryName, rid);

    public string Binary(string rid) =>
        Path.Combine(PublishDirectory(rid), rid.StartsWith("win", StringComparison.Ordinal) ? "isobench-engine-bench.exe" : "isobench-engine-bench");

    public async Task<string> EnsurePublishedAsync(string rid, CancellationToken cancellationToken)
    {
        var binary = Binary(rid);
        // The benchmarks run the harness's adapter: a change there must republish them too.
        var newest = new[]
            {
                Path.Combine(layout.Root, "benchmarks", "IsolationBench.Benchmarks.Host"),
                Path.Combine(layout.Root, "harness", "IsolationBench.Harness"),
                Path.Combine(layout.Root, "harness", "IsolationBench.Results"),
                Path.Combine(layout.Root, "workloads", "IsolationBench.Fingerprint"),
            }
            .Where(Directory.Exists)
            .Select(RepositoryLayout.NewestSource)
            .Max();
        if (File.Exists(binary) && File.GetLastWriteTimeUtc(binary) >= newest)
        {
            return binary;
        }

        log.Report($"publishing the engine benchmarks for {rid} (Release, ~1 min)");
        await RepositoryLayout.PublishAsync(Project, rid, PublishDirectory(rid), cancellationToken, "--self-contained", "false").ConfigureAwait(false);
        return File.Exists(binary) ? binary : throw new UsageException($"dotnet publish did not produce {binary}");
    }

    /// <summary>Runs the benchmarks; BDN's console output goes to engine-bench/console.log. Never throws for a benchmark failure.</summary>
    public async Task<EngineBenchOutcome> RunAsync(EngineBenchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rid = RepositoryLayout.RuntimeIdentifier(OperatingSystem.IsWindows() ? "windows" : "linux");
        var binary = await EnsurePublishedAsync(rid, cancellationToken).ConfigureAwait(false);
        var directory = Path.Combine(request.OutputDirectory, DirectoryName);
        Directory.CreateDirectory(directory);
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in Arguments(request, directory))
        {
            info.ArgumentList.Add(arg);
        }

        log.Report(string.Create(CultureInfo.InvariantCulture,
            $"BenchmarkDotNet lifecycle benchmarks: {string.Join(",", request.Modes)}, {request.Iterations} iterations + {request.Warmup} warmup per mode → {directory}"));
        using var process = Process.Start(info) ?? throw new UsageException($"cannot start {binary}");
        await using var console = new StreamWriter(Path.Combine(directory, ConsoleLog));
        var stdout = CopyAsync(process.StandardOutput, console, request.Modes.Count, cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await stdout.ConfigureAwait(false);
            var error = (await stderr.ConfigureAwait(false)).Trim();
            await console.WriteAsync(error).ConfigureAwait(false);
            return process.ExitCode == 0
                ? new EngineBenchOutcome(directory, null)
                : new EngineBenchOutcome(directory, string.Create(CultureInfo.InvariantCulture,
                    $"isobench-engine-bench exited with {process.ExitCode}: {error.Split('\n').LastOrDefault()} (see {Path.Combine(directory, ConsoleLog)})"));
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the child's containers carry this run's label, so the session's janitor removes them.
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    internal static IReadOnlyList<string> Arguments(EngineBenchRequest r, string directory)
    {
        var args = new List<string>
        {
            "--modes", string.Join(",", r.Modes),
            "--probe-image", r.ProbeImage,
            "--probe-binary", r.ProbeBinary,
            "--artifacts", directory,
            "--run-id", r.RunId,
            "--iterations", r.Iterations.ToString(CultureInfo.InvariantCulture),
            "--warmup", r.Warmup.ToString(CultureInfo.InvariantCulture),
        };
        if (r.Engine is not null)
        {
            args.AddRange(["--engine", r.Engine]);
        }

        if (r.InsecureEngine)
        {
            args.Add("--insecure-engine");
        }

        args.AddRange(r.TlsArguments);

        return args;
    }

    // BDN's console goes to console.log; the user sees one line per benchmark case, so a minute of BDN is not silence.
    private async Task CopyAsync(StreamReader from, StreamWriter to, int cases, CancellationToken ct)
    {
        var started = 0;
        while (await from.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            await to.WriteLineAsync(line).ConfigureAwait(false);
            if (CaseStarted(line) is { } mode)
            {
                log.Report(string.Create(CultureInfo.InvariantCulture, $"BenchmarkDotNet: measuring {mode} ({++started} of {cases})"));
            }
        }
    }

    /// <summary>The mode a BDN "// Benchmark: …" line starts measuring (the [mode=…] argument, else the method: host), or null.</summary>
    internal static string? CaseStarted(string line)
    {
        const string prefix = "// Benchmark: ";
        if (!line.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var argument = line.LastIndexOf("[mode=", StringComparison.Ordinal);
        if (argument >= 0 && line.IndexOf(']', argument) is var end and > 0)
        {
            return line[(argument + "[mode=".Length)..end];
        }

        // "// Benchmark: LifecycleBenchmarks.host: lifecycle(…)": the method's description is the mode.
        var name = line[prefix.Length..].Split(':')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }
}
