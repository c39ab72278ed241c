using System.Reflection;
using BenchmarkDotNet.Running;

namespace IsolationBench.Benchmarks.Guest;

/// <summary>The operating system a guest run measures on; benchmarks are selected by it.</summary>
public enum GuestPlatform
{
    Linux,
    Windows,
}

/// <summary>
/// Which benchmarks run on which OS: a type or method marked [LinuxOnly] runs on Linux only, one marked
/// [WindowsOnly] on Windows only, anything else on both. A pure function of the platform, so a test can ask
/// what the Windows binary would run without being on Windows.
/// </summary>
public static class GuestPlatforms
{
    /// <summary>This process's OS; anything but Windows is measured with the Linux set (the guest ships for both only).</summary>
    public static GuestPlatform Current => OperatingSystem.IsWindows() ? GuestPlatform.Windows : GuestPlatform.Linux;

    /// <summary>The name the harness and manifest.json use for the OS ("linux", "windows").</summary>
    public static string Name(GuestPlatform platform) => platform.ToString().ToLowerInvariant();

    public static bool Runs(MemberInfo member, GuestPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(member);
        return platform switch
        {
            GuestPlatform.Linux => !member.IsDefined(typeof(WindowsOnlyAttribute), inherit: false),
            GuestPlatform.Windows => !member.IsDefined(typeof(LinuxOnlyAttribute), inherit: false),
            _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, null),
        };
    }

    public static bool Runs(BenchmarkCase benchmark, GuestPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        return Runs(benchmark.Descriptor.Type, platform) && Runs(benchmark.Descriptor.WorkloadMethod, platform);
    }
}

/// <summary>A benchmark that needs Win32 calls; filtered out on Linux rather than failing.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class WindowsOnlyAttribute : Attribute;
