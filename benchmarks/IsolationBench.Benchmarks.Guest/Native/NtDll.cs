using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace IsolationBench.Benchmarks.Guest.Native;

/// <summary>The native API below kernel32: one call, one system call, nothing cached in user mode.</summary>
[SupportedOSPlatform("windows")]
internal static unsafe partial class NtDll
{
    public const int ProcessBasicInformation = 0;

    /// <summary>PROCESS_BASIC_INFORMATION: six pointer-sized fields.</summary>
    public static readonly int ProcessBasicInformationSize = 6 * sizeof(nint);

    /// <summary>The current-process pseudo handle (what GetCurrentProcess returns), without a call to get it.</summary>
    public static readonly nint CurrentProcess = -1;

    [LibraryImport("ntdll.dll", EntryPoint = "NtQueryInformationProcess")]
    public static partial int NtQueryInformationProcess(nint process, int informationClass, void* information, uint length, uint* returnLength);
}
