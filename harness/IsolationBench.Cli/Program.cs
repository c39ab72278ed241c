using System.Runtime.InteropServices;
using IsolationBench.Cli.Output;
using IsolationBench.Cli;
using var cancel = new CancellationTokenSource();

Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C: stop cleanly (containers removed, partial results kept). A second one kills the process.
    if (!cancel.IsCancellationRequested)
    {
        e.Cancel = true;
        Console.Error.WriteLine("\nisobench: stopping — removing containers and keeping partial results (Ctrl+C again to abort)");
        cancel.Cancel();
    }
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx =>
{
    ctx.Cancel = true;
    cancel.Cancel();
});

var rich = Terminal.IsRich(Console.IsOutputRedirected, Environment.GetEnvironmentVariable);
var cli = new IsobenchCli(Console.Out, Console.Error, interactive: rich, Environment.CurrentDirectory, rich ? Math.Max(60, Console.WindowWidth) : IsobenchCli.FixedHelpWidth);
return await cli.RunAsync(args, cancel.Token).ConfigureAwait(false);
