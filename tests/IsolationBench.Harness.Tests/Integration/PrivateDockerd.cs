using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>
/// A second dockerd for one test, fully separate from the system engine (which other tests and people use, and
/// which is never stopped): its own socket, data root, exec root, pid file and its own managed containerd (no
/// --containerd flag: dockerd starts one under its exec root), its own bridge interface, no iptables, no TLS, and the
/// runtimes of /etc/docker/daemon.json. Not --bridge=none: a dockerd started so deletes the host's docker0 (moby's
/// removeDefaultBridgeInterface, in the host's network namespace it shares), and the system engine could then no
/// longer run a build step or a bridged container until restarted. The test can kill it (SIGKILL, a crash) or stop it (SIGTERM) and start it again
/// on the same data root. Dispose removes its containers, its processes, its mounts and its directory.
/// </summary>
internal sealed class PrivateDockerd : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly IReadOnlyList<string> _extraArguments;
    private Process? _dockerd;

    private PrivateDockerd(string root, string dockerd, IReadOnlyList<string> extraArguments)
    {
        _extraArguments = extraArguments;
        Bridge = "isob-" + Guid.NewGuid().ToString("N")[..8];
        Root = root;
        DockerdPath = dockerd;
        Endpoint = "unix://" + Path.Combine(root, "docker.sock");
        Directory.CreateDirectory(DataRoot);
        Directory.CreateDirectory(ExecRoot);
        File.WriteAllText(ConfigFile, RuntimesOnlyConfig());
    }

    /// <summary>The temp directory holding everything of this engine (/tmp/isobench-fault-XXXXXX).</summary>
    public string Root { get; }

    /// <summary>unix:///tmp/isobench-fault-XXXXXX/docker.sock</summary>
    public string Endpoint { get; }

    public string LogFile => Path.Combine(Root, "dockerd.log");

    private string DockerdPath { get; }

    private string DataRoot => Path.Combine(Root, "data");

    private string ExecRoot => Path.Combine(Root, "exec");

    private string ConfigFile => Path.Combine(Root, "daemon.json");

    public bool Running => _dockerd is { HasExited: false };

    /// <summary>The bridge interface this engine's default network uses (created with it, deleted with it), never docker0.</summary>
    public string Bridge { get; }

    /// <summary>Creates the private engine's directory and starts it, or fails (CI) / skips (elsewhere) when it cannot run here.</summary>
    public static Task<PrivateDockerd> StartNewAsync() => StartNewAsync(_ => []);

    /// <summary>
    /// As above, with more dockerd arguments (e.g. a TLS tcp listener beside the unix socket, which the test's own
    /// waiting and cleanup keep using); <paramref name="extraArguments"/> gets the engine's directory.
    /// </summary>
    public static async Task<PrivateDockerd> StartNewAsync(Func<string, IReadOnlyList<string>> extraArguments)
    {
        ArgumentNullException.ThrowIfNull(extraArguments);
        var dockerd = Prerequisites();
        var root = Directory.CreateTempSubdirectory("isobench-fault-").FullName;
        var engine = new PrivateDockerd(root, dockerd, extraArguments(root));
        try
        {
            Run("ip", "link", "add", engine.Bridge, "type", "bridge");
            Run("ip", "addr", "add", string.Create(CultureInfo.InvariantCulture, $"10.213.{Random.Shared.Next(1, 255)}.1/24"), "dev", engine.Bridge);
            await engine.StartAsync();
            return engine;
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts dockerd (again, on the same data root) and waits until it answers /version.</summary>
    public async Task StartAsync()
    {
        if (Running)
        {
            throw new InvalidOperationException("the private dockerd is already running");
        }

        _dockerd?.Dispose();
        await ManagedContainerdGoneAsync();
        File.AppendAllText(LogFile, $"--- isobench test: starting dockerd at {DateTimeOffset.UtcNow:O}{Environment.NewLine}");
        // exec through sh so the process is dockerd itself and its output goes to a file, not to a pipe: dockerd's
        // children (containerd, shims) could inherit a pipe and keep it open after dockerd is dead.
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = Root };
        foreach (var a in new[] { "-c", "exec \"$0\" \"$@\" >>\"$ISOBENCH_DOCKERD_LOG\" 2>&1 </dev/null", DockerdPath })
        {
            info.ArgumentList.Add(a);
        }

        foreach (var a in Arguments())
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["ISOBENCH_DOCKERD_LOG"] = LogFile;
        info.Environment.Remove("DOCKER_HOST");
        _dockerd = Process.Start(info) ?? throw new InvalidOperationException("could not start dockerd");

        var deadline = Stopwatch.StartNew();
        var endpoint = EngineEndpoint.Resolve(Endpoint, null, false, false);
        Exception? last = null;
        while (deadline.Elapsed < StartTimeout)
        {
            if (_dockerd.HasExited)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"the private dockerd exited with {_dockerd.ExitCode} while starting; its log ({LogFile}) ends:{Environment.NewLine}{LogTail()}"));
            }

            try
            {
                await using var engine = await DockerEngine.ConnectAsync(endpoint, TimeSpan.FromSeconds(2), CancellationToken.None);
                await engine.GetFactsAsync(CancellationToken.None);
                return;
            }
            catch (Exception ex) when (ex is EngineUnavailableException or EngineRequestException)
            {
                last = ex;
                await Task.Delay(200);
            }
        }

        throw new InvalidOperationException($"the private dockerd did not answer within {StartTimeout.TotalSeconds} s ({last?.Message}); its log ends:{Environment.NewLine}{LogTail()}");
    }

    /// <summary>
    /// SIGKILL (a crash: no cleanup, the socket file stays, nothing answers) or SIGTERM (dockerd's own shutdown:
    /// it stops its containers and containerd and removes its socket). Returns once dockerd has exited.
    /// </summary>
    public async Task StopAsync(bool kill)
    {
        var process = _dockerd ?? throw new InvalidOperationException("the private dockerd was never started");
        if (process.HasExited)
        {
            return;
        }

        if (kill)
        {
            process.Kill(entireProcessTree: false);
        }
        else
        {
            Signal(process.Id, "TERM");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await process.WaitForExitAsync(timeout.Token);
        await ManagedContainerdGoneAsync();
    }

    /// <summary>
    /// dockerd's managed containerd dies with it (parent-death signal), but not instantly: a dockerd started again
    /// while the old containerd is still there (even as a zombie) adopts its pid ("containerd is still running"),
    /// never gets an answer and gives up ("timeout waiting for containerd to start"). Wait until it is gone —
    /// as a supervisor restarting a crashed dockerd would — and kill it if it lingers.
    /// </summary>
    private async Task ManagedContainerdGoneAsync()
    {
        var pidFile = Path.Combine(ExecRoot, "containerd", "containerd.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return;
        }

        var waited = Stopwatch.StartNew();
        while (Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture)))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(10) && ProcessesMentioning(Root).Contains(pid))
            {
                Signal(pid, "KILL");
            }
            else if (waited.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new InvalidOperationException($"the private dockerd's containerd (pid {pid}) is still there 20 s after dockerd stopped");
            }

            await Task.Delay(50);
        }
    }

    public async Task<DockerEngine> ConnectAsync() =>
        await DockerEngine.ConnectAsync(EngineEndpoint.Resolve(Endpoint, null, false, false), TimeSpan.FromSeconds(15), CancellationToken.None);

    public string LogTail(int lines = 25)
    {
        try
        {
            return string.Join(Environment.NewLine, File.ReadLines(LogFile).TakeLast(lines));
        }
        catch (IOException ex)
        {
            return "(no log: " + ex.Message + ")";
        }
    }

    public async ValueTask DisposeAsync()
    {
        // 1. Its containers, through the engine while it can still be asked (started again if the test stopped it).
        try
        {
            if (!Running)
            {
                await StartAsync();
            }

            await using var engine = await ConnectAsync();
            using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            foreach (var c in await engine.ListContainersAsync(Labels.Run, null, cleanup.Token))
            {
                await engine.RemoveAsync(c.Id, cleanup.Token);
            }
        }
        catch (Exception ex) when (ex is EngineUnavailableException or EngineRequestException or InvalidOperationException or OperationCanceledException or IOException)
        {
            // Best effort: what is left is killed and unmounted below.
        }

        // 2. dockerd: SIGTERM stops its managed containerd too; SIGKILL if it takes too long.
        if (_dockerd is { } process)
        {
            try
            {
                await StopAsync(kill: false);
            }
            catch (OperationCanceledException)
            {
                await StopAsync(kill: true);
            }

            process.Dispose();
        }

        // 3. Anything still running from this engine (containerd, shims) names our directory on its command line.
        foreach (var pid in ProcessesMentioning(Root))
        {
            try
            {
                using var leftover = Process.GetProcessById(pid);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                leftover.Kill(entireProcessTree: false);
                await leftover.WaitForExitAsync(wait.Token);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
            {
                // Gone already, or not ours to reap.
            }
        }

        // 4. Mounts under our directory (the data root's own bind mount, overlay2 layers, shm), deepest first.
        foreach (var mount in MountsUnder(Root))
        {
            Run("umount", "-l", mount);
        }

        // 5. Its bridge interface, now that nothing uses it.
        Run("ip", "link", "delete", Bridge);

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A busy leftover under /tmp is harmless; the mounts are gone.
        }
    }

    private IEnumerable<string> Arguments() =>
    [
        "-H", Endpoint,
        "--data-root", DataRoot,
        "--exec-root", ExecRoot,
        "--pidfile", Path.Combine(Root, "docker.pid"),
        "--config-file", ConfigFile,
        "--bridge=" + Bridge,
        "--iptables=false",
        "--ip-masq=false",
        "--ip6tables=false",
        "--shutdown-timeout", "5",
        .. _extraArguments,
    ];

    /// <summary>Only the runtimes of the system engine's daemon.json: its other settings (hosts, data-root…) would clash with our flags.</summary>
    private static string RuntimesOnlyConfig()
    {
        var runtimes = new JsonObject();
        const string system = "/etc/docker/daemon.json";
        if (File.Exists(system) && JsonNode.Parse(File.ReadAllText(system))?["runtimes"] is JsonObject registered)
        {
            runtimes = (JsonObject)registered.DeepClone();
        }

        return new JsonObject { ["runtimes"] = runtimes }.ToJsonString();
    }

    /// <summary>The dockerd binary, or a failure (CI) / skip (elsewhere) naming what is missing.</summary>
    private static string Prerequisites()
    {
        string? problem = null;
        string? dockerd = null;
        if (!OperatingSystem.IsLinux())
        {
            problem = "a private dockerd needs Linux";
        }
        else if (!Environment.IsPrivilegedProcess)
        {
            problem = "a private dockerd needs root (run the tests as root, as .ci/run does)";
        }
        else if ((dockerd = Which("dockerd")) is null || Which("containerd") is null)
        {
            problem = "dockerd and containerd must be on PATH (sudo tools/start-engine.sh installs docker.io)";
        }
        else if (Which("ip") is null)
        {
            problem = "ip (iproute2) must be on PATH: the private engine gets its own bridge interface";
        }

        if (problem is null)
        {
            return dockerd!;
        }

        if (RealEngine.InCi)
        {
            throw new InvalidOperationException("engine-fault test: " + problem + " (.ci/run runs as root and installs docker.io)");
        }

        Skip.If(true, "engine-fault test: " + problem + " — skipped outside CI");
        return null!;
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"])
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);

    private static void Signal(int pid, string signal) =>
        Run("kill", "-" + signal, pid.ToString(CultureInfo.InvariantCulture));

    private static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
    }

    private static List<int> ProcessesMentioning(string text)
    {
        var pids = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Contains(text, StringComparison.Ordinal))
                {
                    pids.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }

        return pids;
    }

    /// <summary>Mount points under <paramref name="root"/> from /proc/self/mountinfo, deepest (and latest) first.</summary>
    private static List<string> MountsUnder(string root) =>
        [.. File.ReadLines("/proc/self/mountinfo")
            .Select(line => line.Split(' ')[4].Replace("\\040", " ", StringComparison.Ordinal))
            .Where(m => m == root || m.StartsWith(root + "/", StringComparison.Ordinal))
            .Reverse()
            .OrderByDescending(m => m.Length)
            .Distinct(StringComparer.Ordinal)];
}
