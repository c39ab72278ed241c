using System.Globalization;
using System.Text;
using IsolationBench.Fingerprint;

// Protocol (read by the harness): line 1 is the ready line, written before any other work so that its arrival
// marks "the workload is running"; line 2 is the isolation fingerprint as one JSON line; line 3 is the done line,
// written after the fingerprint is out, so that its arrival splits "collecting the fingerprint" from "exiting"
// (the harness's fingerprint and exit phases); the done line carries the probe's own measure of that work,
// "ISOBENCH-DONE fingerprint_us=N" (monotonic clock, ready line written → done line about to be written), because
// the ready and done lines often reach the harness in one read, which would make the phase 0; exit code 0.
// Fault-injection switches exist for the harness's failure tests: --sleep-ms N (hang/slow), --exit N, --no-ready,
// --alloc-mb N (touch N MiB: OOM under a small memory limit).
// --hold (the density workload): after the done line, stay alive until stdin reaches its end or SIGTERM/SIGINT
// arrives, then exit with the exit code; so that N probes can be alive at once. A stdin that is the null device
// (a container started without -i) ends at once and is not watched: such a probe is held until it is signalled.
const string ReadyLine = "ISOBENCH-READY\n";
const string DoneLine = "ISOBENCH-DONE";

var stdout = Console.OpenStandardOutput();
var options = ProbeOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: isobench-probe [--sleep-ms N] [--exit N] [--no-ready] [--alloc-mb N] [--hold]");
    return 2;
}

if (!options.NoReady)
{
    stdout.Write(Encoding.ASCII.GetBytes(ReadyLine));
    stdout.Flush();
}

var afterReady = System.Diagnostics.Stopwatch.GetTimestamp();

if (options.SleepMs > 0)
{
    Thread.Sleep(options.SleepMs);
}

if (options.AllocMb > 0)
{
    // Native memory, touched page by page: the GC would refuse at its own cgroup-aware limit with an
    // OutOfMemoryException; this must meet the kernel's OOM killer, as a real memory-hungry workload does.
    for (var i = 0; i < options.AllocMb; i++)
    {
        var block = System.Runtime.InteropServices.Marshal.AllocHGlobal(1024 * 1024);
        for (var page = 0; page < 1024 * 1024; page += 4096)
        {
            System.Runtime.InteropServices.Marshal.WriteByte(block, page, 1);
        }
    }
}

var json = FingerprintJson.Serialize(FingerprintCollector.Collect());
stdout.Write(Encoding.UTF8.GetBytes(json + "\n"));
stdout.Flush();
var fingerprintUs = (long)System.Diagnostics.Stopwatch.GetElapsedTime(afterReady).TotalMicroseconds;
stdout.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{DoneLine} fingerprint_us={fingerprintUs}\n")));
stdout.Flush();
if (options.Hold)
{
    Hold.UntilReleased();
}

return options.ExitCode;

internal sealed record ProbeOptions(int SleepMs, int ExitCode, bool NoReady, int AllocMb, bool Hold)
{
    public static ProbeOptions? Parse(string[] args)
    {
        var result = new ProbeOptions(0, 0, false, 0, false);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sleep-ms" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms >= 0:
                    result = result with { SleepMs = ms };
                    i++;
                    break;
                case "--exit" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var code):
                    result = result with { ExitCode = code };
                    i++;
                    break;
                case "--alloc-mb" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var mb) && mb >= 0:
                    result = result with { AllocMb = mb };
                    i++;
                    break;
                case "--hold":
                    result = result with { Hold = true };
                    break;
                case "--no-ready":
                    result = result with { NoReady = true };
                    break;
                default:
                    return null;
            }
        }

        return result;
    }
}

internal static class Hold
{
    public static void UntilReleased()
    {
        using var released = new ManualResetEventSlim();
        // Handled, not defaulted: as PID 1 of a container the default action of SIGTERM is to ignore it.
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Release);
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Release);
        if (!StdinIsNullDevice())
        {
            new Thread(() =>
            {
                using var stdin = Console.OpenStandardInput();
                var buffer = new byte[256];
                while (stdin.Read(buffer) > 0)
                {
                }

                released.Set();
            }) { IsBackground = true }.Start();
        }

        released.Wait();

        void Release(System.Runtime.InteropServices.PosixSignalContext context)
        {
            context.Cancel = true;
            released.Set();
        }
    }

    private static bool StdinIsNullDevice()
    {
        try
        {
            return OperatingSystem.IsLinux() && new FileInfo("/proc/self/fd/0").LinkTarget == "/dev/null";
        }
        catch (IOException)
        {
            return false;
        }
    }
}
