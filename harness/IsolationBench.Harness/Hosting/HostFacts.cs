using System.Runtime.InteropServices;
using IsolationBench.Fingerprint;
using IsolationBench.Results;

namespace IsolationBench.Harness.Hosting;

/// <summary>Facts about the host for manifest.json, and the git commit of the suite.</summary>
public static class HostFacts
{
    public static HostInfo Describe(IsolationFingerprint self) => new()
    {
        Os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsLinux() ? "linux" : RuntimeInformation.OSDescription,
        OsDescription = RuntimeInformation.OSDescription,
        Kernel = self?.KernelVersion ?? Environment.OSVersion.VersionString,
        CpuModel = CpuModel(),
        Cores = Environment.ProcessorCount,
        MemoryBytes = self?.MemoryTotalBytes ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        Hostname = Environment.MachineName,
    };

    /// <summary><see cref="Describe"/> plus what needs a tool or a file to find out (the power plan).</summary>
    public static async Task<HostInfo> DescribeAsync(IsolationFingerprint self, CancellationToken cancellationToken) =>
        Describe(self) with { PowerPlan = await PowerPlan.ReadAsync(cancellationToken).ConfigureAwait(false) };

    public static string CpuModel()
    {
        if (OperatingSystem.IsWindows())
        {
            return Environment.GetEnvironmentVariable("PROCESSOR_IDENTIFIER") ?? "unknown";
        }

        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>ISOBENCH_COMMIT, else `git rev-parse HEAD` in the repository (5 s at most), else null.</summary>
    public static async Task<string?> CommitAsync(string? repositoryRoot, CancellationToken cancellationToken)
    {
        var fromEnv = Environment.GetEnvironmentVariable("ISOBENCH_COMMIT");
        if (!string.IsNullOrWhiteSpace(fromEnv) || repositoryRoot is null)
        {
            return string.IsNullOrWhiteSpace(fromEnv) ? null : fromEnv.Trim();
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            var (exitCode, stdout, _) = await ChildProcess.RunAsync("git", ["-C", repositoryRoot, "rev-parse", "HEAD"], deadline.Token).ConfigureAwait(false);
            var sha = stdout.Trim();
            return exitCode == 0 && sha.Length >= 7 ? sha : null;
        }
        catch (UsageException)
        {
            return null; // no git on this host: the manifest says "commit unknown", the run goes on
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // git hung (a lock, a network filesystem): not worth holding the run for
        }
    }
}
