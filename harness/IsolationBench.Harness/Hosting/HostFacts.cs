using System.Diagnostics;
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

    /// <summary>ISOBENCH_COMMIT, else `git rev-parse HEAD` in the repository, else null.</summary>
    public static string? Commit(string? repositoryRoot)
    {
        var fromEnv = Environment.GetEnvironmentVariable("ISOBENCH_COMMIT");
        if (!string.IsNullOrWhiteSpace(fromEnv) || repositoryRoot is null)
        {
            return string.IsNullOrWhiteSpace(fromEnv) ? null : fromEnv.Trim();
        }

        try
        {
            var info = new ProcessStartInfo("git", ["-C", repositoryRoot, "rev-parse", "HEAD"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var git = Process.Start(info);
            if (git is null)
            {
                return null;
            }

            var sha = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit(5000);
            return git.ExitCode == 0 && sha.Length >= 7 ? sha : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
