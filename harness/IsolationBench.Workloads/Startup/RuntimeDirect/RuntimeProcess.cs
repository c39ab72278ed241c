using IsolationBench.Harness;
using System.Diagnostics;
using System.Globalization;

namespace IsolationBench.Workloads.Startup.RuntimeDirect;

/// <summary>Runs one short runtime command (start, delete, list) to its end; its output is kept for the error message.</summary>
internal static class RuntimeProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public string Describe(string what) =>
            string.Create(CultureInfo.InvariantCulture, $"{what} exited {ExitCode}: {LastLine(StdErr) ?? LastLine(StdOut) ?? "(no output)"}");
    }

    public static ProcessStartInfo Info(string executable, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        return info;
    }

    /// <param name="reaper">When a lifecycle's subreaper is open, the process is started through it (never taken for an orphan).</param>
    public static async Task<Result> RunAsync(string executable, IReadOnlyList<string> arguments, CancellationToken cancellationToken, OrphanReaper? reaper = null)
    {
        using var process = new Process { StartInfo = Info(executable, arguments) };
        Start(process, reaper);
        process.StandardInput.Close();
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return new Result(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        finally
        {
            reaper?.Forget(process.Id);
        }
    }

    public static void Start(Process process, OrphanReaper? reaper)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (reaper is null)
        {
            process.Start();
        }
        else
        {
            reaper.Start(process);
        }
    }

    public static string? LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
}
