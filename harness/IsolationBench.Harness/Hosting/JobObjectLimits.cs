using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace IsolationBench.Harness.Hosting;

/// <summary>
/// Windows: a Job Object with the run's CPU affinity (the first N processors) and a job-wide memory limit, like a
/// container's. A process can only join a job once it exists, so it runs a few instructions unlimited between
/// CreateProcess and AssignProcessToJobObject; its fingerprint, read later, shows whether it got in. Unverified on
/// a real Windows host from this repository's CI (no Windows machine there).
/// </summary>
public sealed partial class JobObjectLimits : IHostLimits
{
    private readonly nint _job;

    public JobObjectLimits(string runId, Resources.ResourceRequest resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        if (!OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Job Objects exist on Windows only");
        }

        var plan = JobObjectPlan.For(resources);
        _job = Create("isolationbench-" + runId, plan);
        Description = string.Create(CultureInfo.InvariantCulture, $"Job Object isolationbench-{runId} (affinity 0x{plan.Affinity:x}, job memory limit {plan.JobMemoryLimit})");
    }

    public string Description { get; }

    public SpawnTimes Start(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var spawn = SpawnTimes.Around(process);
        if (OperatingSystem.IsWindows() && !AssignProcessToJobObject(_job, process.Handle))
        {
            var error = Marshal.GetLastPInvokeError();
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"AssignProcessToJobObject failed (Win32 error {error})"));
        }

        return spawn;
    }

    public void Dispose()
    {
        if (OperatingSystem.IsWindows())
        {
            CloseHandle(_job);
        }
    }

    [SupportedOSPlatform("windows")]
    private static nint Create(string name, JobObjectPlan plan)
    {
        var job = CreateJobObjectW(0, name);
        if (job == 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"CreateJobObject failed (Win32 error {Marshal.GetLastPInvokeError()})"));
        }

        var info = new ExtendedLimitInformation
        {
            Basic = new BasicLimitInformation { LimitFlags = plan.Flags, Affinity = (nuint)plan.Affinity },
            JobMemoryLimit = (nuint)plan.JobMemoryLimit,
        };
        if (!SetInformationJobObject(job, JobObjectPlan.ExtendedLimitInformationClass, ref info, (uint)Marshal.SizeOf<ExtendedLimitInformation>()))
        {
            var error = Marshal.GetLastPInvokeError();
            CloseHandle(job);
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"SetInformationJobObject failed (Win32 error {error})"));
        }

        return job;
    }

    [LibraryImport("kernel32.dll", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    private static partial nint CreateJobObjectW(nint attributes, string name);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool SetInformationJobObject(nint job, int infoClass, ref ExtendedLimitInformation info, uint length);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool AssignProcessToJobObject(nint job, nint process);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool CloseHandle(nint handle);

    [StructLayout(LayoutKind.Sequential)]
    private struct BasicLimitInformation
    {
        public long PerProcessUserTimeLimit;
        public long PerJobUserTimeLimit;
        public uint LimitFlags;
        public nuint MinimumWorkingSetSize;
        public nuint MaximumWorkingSetSize;
        public uint ActiveProcessLimit;
        public nuint Affinity;
        public uint PriorityClass;
        public uint SchedulingClass;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ExtendedLimitInformation
    {
        public BasicLimitInformation Basic;
        public ulong ReadOperationCount;
        public ulong WriteOperationCount;
        public ulong OtherOperationCount;
        public ulong ReadTransferCount;
        public ulong WriteTransferCount;
        public ulong OtherTransferCount;
        public nuint ProcessMemoryLimit;
        public nuint JobMemoryLimit;
        public nuint PeakProcessMemoryUsed;
        public nuint PeakJobMemoryUsed;
    }
}

/// <summary>What the Job Object is set to: pure, so it is tested on any OS.</summary>
public sealed record JobObjectPlan(uint Flags, ulong Affinity, ulong JobMemoryLimit)
{
    public const int ExtendedLimitInformationClass = 9;
    public const uint LimitAffinity = 0x10;
    public const uint LimitJobMemory = 0x200;

    /// <summary>Closing the harness's handle ends every process still in the job: nothing outlives the run.</summary>
    public const uint LimitKillOnJobClose = 0x2000;

    public static JobObjectPlan For(Resources.ResourceRequest resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return new JobObjectPlan(LimitAffinity | LimitJobMemory | LimitKillOnJobClose, resources.AffinityMask, (ulong)resources.MemoryBytes);
    }
}
