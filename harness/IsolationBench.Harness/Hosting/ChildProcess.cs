using System.ComponentModel;
using System.Diagnostics;

namespace IsolationBench.Harness.Hosting;

/// <summary>Runs a tool (dotnet, bash, git) to completion and hands back what it printed.</summary>
internal static class ChildProcess
{
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(string file, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(info);
        }
        catch (Win32Exception ex)
        {
            throw new UsageException($"cannot run {file}: {ex.Message}: is it installed and on PATH?");
        }

        using (process)
        {
            if (process is null)
            {
                throw new UsageException($"cannot run {file}");
            }

            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or a deadline: the tool must not outlive the wait (a publish or a hung git would run on).
                process.Kill(entireProcessTree: true);
                throw;
            }

            return (process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        }
    }
}
