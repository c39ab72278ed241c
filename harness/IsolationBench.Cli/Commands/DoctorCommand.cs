using IsolationBench.Cli.CommandLine;
using IsolationBench.Harness;

namespace IsolationBench.Cli.Commands;

/// <summary>Preflight in words: the engine, the OS/build, the modes available and what is missing and how to add it.</summary>
internal sealed class DoctorCommand : ICommand
{
    public CommandSpec Spec { get; } = new(
        "doctor",
        "check the engine and list the isolation modes this host offers",
        [
            new("--engine", false, "engine endpoint"),
            new("--insecure-engine", true, "allow a plain-TCP engine endpoint"),
        ],
        0,
        0,
        "isobench doctor");

    public async Task<int> ExecuteAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var o = context.Out;
        await using var preflight = await Preflight.RunAsync(args.String("--engine"), args.Has("--insecure-engine"), engineRequired: false, cancellationToken).ConfigureAwait(false);
        o.WriteLine($"host       {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores");
        if (preflight.Facts is { } f)
        {
            o.WriteLine($"engine     {preflight.Engine!.Endpoint}: Docker {f.Version} (API {f.ApiVersion}), {f.OsType}, {f.OperatingSystem}, kernel {f.KernelVersion}");
            if (f.WindowsBuild is { } build)
            {
                o.WriteLine($"windows    build {build}, default isolation {f.DefaultIsolation ?? "?"}");
            }

            o.WriteLine($"runtimes   {string.Join(", ", f.Runtimes)} (default {f.DefaultRuntime ?? "?"})");
        }
        else
        {
            o.WriteLine($"engine     not reachable: {preflight.EngineProblem}");
        }

        o.WriteLine("modes available:");
        foreach (var mode in preflight.Catalog.Available)
        {
            o.WriteLine($"  ✔ {mode.Name,-14} {mode.Boundary}");
        }

        if (preflight.Catalog.Unavailable.Count > 0)
        {
            o.WriteLine("modes not available:");
            foreach (var (name, why) in preflight.Catalog.Unavailable)
            {
                o.WriteLine($"  ✘ {name,-14} {why}");
            }
        }

        return preflight.Facts is null ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
