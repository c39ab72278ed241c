using IsolationBench.Results;

namespace IsolationBench.Harness.Hosting;

/// <summary>
/// Host facts only Windows' own tools know. A seam, so that what the harness decides from them (is hyperv offered,
/// what the manifest says) is tested on Linux with recorded answers; <see cref="PowerShellHostQueries"/> asks the
/// real host.
/// </summary>
public interface IWindowsHostQueries
{
    /// <summary>Win32_ComputerSystem.HypervisorPresent; null when not on Windows or it could not be read.</summary>
    Task<bool?> HypervisorPresentAsync(CancellationToken cancellationToken);

    /// <summary>Defender's state for the engine's data root; null when not on Windows or Defender cannot be asked.</summary>
    Task<DefenderState?> DefenderAsync(string? dataRoot, CancellationToken cancellationToken);
}

/// <summary>
/// Asks through powershell.exe (CIM and the Defender module are there on every Windows host; no extra package), each
/// call bounded by a short deadline: a fact that cannot be read in time is null and the run goes on.
/// </summary>
public sealed class PowerShellHostQueries : IWindowsHostQueries
{
    public static readonly PowerShellHostQueries Instance = new();

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private const string HypervisorCommand = "(Get-CimInstance Win32_ComputerSystem).HypervisorPresent";

    // One object with the two documented properties, as JSON: DefenderFacts.Parse reads exactly this shape.
    private const string DefenderCommand =
        "[pscustomobject]@{ RealTimeProtectionEnabled = (Get-MpComputerStatus -ErrorAction Stop).RealTimeProtectionEnabled; "
        + "ExclusionPath = @((Get-MpPreference -ErrorAction Stop).ExclusionPath) } | ConvertTo-Json -Compress";

    public async Task<bool?> HypervisorPresentAsync(CancellationToken cancellationToken) =>
        OperatingSystem.IsWindows() && await RunAsync(HypervisorCommand, cancellationToken).ConfigureAwait(false) is { } output
            ? DefenderFacts.ParseBoolean(output)
            : null;

    public async Task<DefenderState?> DefenderAsync(string? dataRoot, CancellationToken cancellationToken) =>
        OperatingSystem.IsWindows() && await RunAsync(DefenderCommand, cancellationToken).ConfigureAwait(false) is { } output
            ? DefenderFacts.Parse(output, dataRoot)
            : null;

    private static async Task<string?> RunAsync(string command, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        try
        {
            var (exitCode, stdout, _) = await ChildProcess.RunAsync("powershell", ["-NoProfile", "-NonInteractive", "-Command", command], deadline.Token).ConfigureAwait(false);
            return exitCode == 0 ? stdout : null;
        }
        catch (UsageException)
        {
            return null; // no powershell.exe (a trimmed host): the fact is unknown, the run goes on
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // WMI or Defender hung past the deadline
        }
    }
}
