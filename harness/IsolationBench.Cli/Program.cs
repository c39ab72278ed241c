using System.Runtime.InteropServices;
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

var cli = new IsobenchCli(Console.Out, Console.Error, interactive: !Console.IsOutputRedirected, Environment.CurrentDirectory);
return await cli.RunAsync(args, cancel.Token).ConfigureAwait(false);
