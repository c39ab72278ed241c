using IsolationBench.Results;

namespace IsolationBench.Reporting.Output;

/// <summary>
/// The environment lines for what only a Windows host records (manifest host.hypervisor_present, host.defender):
/// none when the manifest has neither (Linux, or a run recorded before them).
/// </summary>
public static class WindowsHostLine
{
    public static IEnumerable<(string Label, string Text)> Lines(HostInfo host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.HypervisorPresent is { } hypervisor)
        {
            yield return ("Hypervisor", hypervisor
                ? "present (Win32_ComputerSystem.HypervisorPresent; in a VM, possibly only its host's)"
                : "none running (Win32_ComputerSystem.HypervisorPresent is False): hyperv was not offered");
        }

        if (host.Defender is { } defender)
        {
            var dataRoot = defender.DataRootExcluded switch
            {
                true => "engine data root excluded",
                false => "engine data root NOT excluded (create/remove and bind-mount I/O are scanned)",
                null => "engine data root exclusion unknown",
            };
            yield return ("Defender", $"real-time protection {(defender.RealTimeProtection ? "on" : "off")}; {dataRoot}");
        }
    }
}
