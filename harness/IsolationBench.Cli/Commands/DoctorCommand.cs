using System.Globalization;
using IsolationBench.Cli.CommandLine;
using IsolationBench.Cli.Output;
using IsolationBench.Harness.Images;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness;

namespace IsolationBench.Cli.Commands;

/// <summary>Preflight in words: the engine, the OS/build, the modes available and what is missing and how to add it.</summary>
internal sealed class DoctorCommand : ICommand
{
    public CommandSpec Spec { get; } = new(
        "doctor",
        "check the engine and list the isolation modes this host offers",
        [
            new("--engine", false, "engine endpoint (default: DOCKER_HOST or the platform's socket/pipe)") { ValueName = "URI" },
            new("--insecure-engine", true, "allow a plain-TCP engine endpoint"),
            .. EngineTlsOptions.Specs,
        ],
        0,
        0,
        "isobench doctor");

    public async Task<int> ExecuteAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var o = Checklist.For(context);
        await using var preflight = await Preflight.RunAsync(args.String("--engine"), args.Has("--insecure-engine"), engineRequired: false, cancellationToken, tls: EngineTlsOptions.From(args)).ConfigureAwait(false);
        o.Line($"host       {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores");
        if (preflight.Facts is { } f)
        {
            o.Line($"engine     {preflight.Engine!.Endpoint}: Docker {f.Version} (API {f.ApiVersion}), {f.OsType}, {f.OperatingSystem}, kernel {f.KernelVersion}");
            if (f.WindowsBuild is { } build)
            {
                var hypervisor = preflight.HypervisorPresent switch
                {
                    true => ", hypervisor present",
                    false => ", no hypervisor running (Win32_ComputerSystem.HypervisorPresent)",
                    null => string.Empty,
                };
                o.Line($"windows    build {build}, default isolation {f.DefaultIsolation ?? "?"}{hypervisor}");
            }

            o.Line($"runtimes   {string.Join(", ", f.Runtimes)} (default {f.DefaultRuntime ?? "?"})");
        }
        else
        {
            o.Line($"engine     not reachable: {preflight.EngineProblem}");
        }

        o.Line("modes available:");
        foreach (var mode in preflight.Catalog.Available)
        {
            o.Line($"  ✔ {mode.Name,-14} {Describe(mode.Boundary)}");
        }

        if (preflight.Catalog.Unavailable.Count > 0)
        {
            o.Line("modes not available:");
            foreach (var (name, why) in preflight.Catalog.Unavailable)
            {
                o.Line($"  ✘ {name,-14} {why}");
            }
        }

        if (preflight.Engine is not null && preflight.Facts is { } facts)
        {
            var platform = string.Equals(facts.OsType, "windows", StringComparison.OrdinalIgnoreCase) ? "windows-" : "linux";
            o.Line("images:");
            foreach (var repository in new[] { ImageRecipe.ProbeRepository, ImageRecipe.GuestRepository })
            {
                // Windows: one image per host build, chosen when a run starts; doctor names the family.
                var tag = ImageRecipe.TagOf(repository, RunSession.ToolVersion, ImageRecipe.PlatformFor(platform == "linux" ? null : "*"));
                var image = platform == "linux" ? await preflight.Engine.InspectImageAsync(tag, cancellationToken).ConfigureAwait(false) : null;
                o.Line(image is null
                    ? $"  · {tag,-40} not built yet (isobench run builds it)"
                    : string.Create(CultureInfo.InvariantCulture, $"  ✔ {tag,-40} {image.SizeBytes / 1_000_000} MB"));
            }

            WriteDisk(o, "engine data", facts.DockerRootDir);
        }

        if (OperatingSystem.IsWindows())
        {
            var msvc = await NativeAotToolchain.FindWindowsProblemAsync(cancellationToken).ConfigureAwait(false);
            o.Line(msvc is null ? "toolchain  ✔ MSVC C++ build tools (the NativeAOT probe links with them)" : $"toolchain  ✘ {msvc}");
        }

        WriteDisk(o, "results", Path.GetFullPath("results"));
        return preflight.Facts is null ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static string Describe(KernelBoundary boundary) => boundary switch
    {
        KernelBoundary.None => "the bare host: the baseline",
        KernelBoundary.SharedKernel => "a container on the host's kernel",
        KernelBoundary.UserSpaceKernel => "a sandbox: a user-space kernel serves the syscalls",
        KernelBoundary.VirtualMachine => "its own kernel in a VM",
        _ => boundary.ToString(),
    };

    private static void WriteDisk(Checklist o, string what, string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        try
        {
            var existing = path;
            while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
            {
                existing = parent;
            }

            var drive = new DriveInfo(existing);
            var freeGb = drive.AvailableFreeSpace / 1e9;
            var warning = freeGb < 5 ? "  ✘ low: the guest image and I/O benchmarks need ~5 GB" : string.Empty;
            o.Line(string.Create(CultureInfo.InvariantCulture, $"disk       {what} ({path}): {freeGb:0.0} GB free{warning}"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            o.Line($"disk       {what} ({path}): cannot read ({ex.Message})");
        }
    }
}
