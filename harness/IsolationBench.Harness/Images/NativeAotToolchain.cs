using IsolationBench.Harness.Hosting;

namespace IsolationBench.Harness.Images;

/// <summary>
/// The native toolchain NativeAOT links with: clang and lld for the Linux probe, Visual Studio's C++ build tools
/// (MSVC link.exe) for the Windows one. Without them `dotnet publish` stops with "Platform linker not found".
/// </summary>
public static class NativeAotToolchain
{
    /// <summary>What run.ps1 -Setup runs, and what doctor and the errors tell Windows users to run.</summary>
    public const string WindowsInstallCommand =
        "winget install Microsoft.VisualStudio.2022.BuildTools --override \"--add Microsoft.VisualStudio.Workload.VCTools --includeRecommended\"";

    /// <summary>The component vswhere is asked for: MSVC's x64 compiler and linker.</summary>
    public const string MsvcComponent = "Microsoft.VisualStudio.Component.VC.Tools.x86.x64";

    /// <summary>What to install when a NativeAOT publish for <paramref name="rid"/> failed.</summary>
    public static string PublishHint(string rid) =>
        (rid ?? string.Empty).StartsWith("win", StringComparison.OrdinalIgnoreCase)
            ? "NativeAOT on Windows needs Visual Studio's C++ build tools (MSVC): " + WindowsInstallCommand
            : "NativeAOT on Linux needs clang and lld (sudo tools/start-engine.sh installs them)";

    /// <summary>
    /// Judges what was found: null when MSVC is there (vswhere named an installation with the component, or
    /// link.exe is on PATH, e.g. in a Developer prompt), else the one-line problem with the install command.
    /// </summary>
    public static string? WindowsProblem(string? vswhereInstallationPath, string? pathVariable)
    {
        if (!string.IsNullOrWhiteSpace(vswhereInstallationPath) || LinkOnPath(pathVariable))
        {
            return null;
        }

        return "Visual Studio's C++ build tools (MSVC) are missing: the probe is NativeAOT-published and links with them; install: "
            + WindowsInstallCommand + " (or run.ps1 -Setup)";
    }

    /// <summary>Windows only: asks vswhere for an installation with MSVC, falls back to link.exe on PATH.</summary>
    public static async Task<string?> FindWindowsProblemAsync(CancellationToken cancellationToken)
    {
        string? installation = null;
        var vswhere = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFilesX86), "Microsoft Visual Studio", "Installer", "vswhere.exe");
        if (File.Exists(vswhere))
        {
            var (exit, stdout, _) = await ChildProcess.RunAsync(
                vswhere, ["-latest", "-products", "*", "-requires", MsvcComponent, "-property", "installationPath"], cancellationToken).ConfigureAwait(false);
            installation = exit == 0 ? stdout.Trim() : null;
        }

        return WindowsProblem(installation, Environment.GetEnvironmentVariable("PATH"));
    }

    private static bool LinkOnPath(string? pathVariable) =>
        (pathVariable ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(dir => File.Exists(Path.Combine(dir, "link.exe")));
}
