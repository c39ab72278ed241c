using System.Diagnostics;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>The real isobench (built beside the tests) as a child process, for the tests that kill it.</summary>
internal static class IsobenchProcess
{
    private static readonly string Isobench = Path.Combine(AppContext.BaseDirectory, "isobench.dll");

    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RealEngine.Layout.Root };
        info.ArgumentList.Add(Isobench);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info)!;
    }

    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var p = Start(args);
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await output, await error);
    }
}
