using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Modes;

/// <summary>The isolation modes this host offers, and for the well-known ones it lacks, why and how to add them.</summary>
public sealed record ModeCatalog(IReadOnlyList<IsolationMode> Available, IReadOnlyDictionary<string, string> Unavailable)
{
    private static readonly string[] WellKnownLinuxRuntimes = ["runc", "crun", "runsc", "kata-runtime"];

    public IsolationMode? Find(string name) => Available.FirstOrDefault(m => m.Name == name);

    /// <summary>
    /// The catalog of an engine on another machine: <c>host</c> would measure the harness's machine, not the engine's,
    /// so it is not offered (and the baseline falls to the least-isolated container mode, see BaselineRule).
    /// </summary>
    public ModeCatalog WithoutHost(string endpoint)
    {
        var unavailable = new Dictionary<string, string>(Unavailable, StringComparer.Ordinal)
        {
            [IsolationMode.Host.Name] = $"the engine is on another machine ({endpoint}): host would measure this machine, not the engine's; the baseline is the least-isolated container mode",
        };
        return new ModeCatalog([.. Available.Where(m => m.Name != IsolationMode.Host.Name)], unavailable);
    }

    /// <summary>
    /// Why hyperv is not offered when Windows says no hypervisor runs. Only False refuses: True is also what a VM sees of
    /// its own host's hypervisor, with or without nested virtualisation, so it proves nothing and a hyperv container that
    /// cannot start is that sample's failure with its reason.
    /// </summary>
    public const string NoHypervisorReason =
        "Win32_ComputerSystem.HypervisorPresent is False: the Hyper-V feature may be on, but no hypervisor runs (turn virtualisation on in the firmware, bcdedit /set hypervisorlaunchtype auto, reboot)";

    /// <summary>
    /// Builds the catalog from the engine's /info; with no engine, only <c>host</c> exists. <paramref name="hypervisorPresent"/>
    /// is Windows' own answer for the engine's host (null: not asked or unknown, which refuses nothing).
    /// </summary>
    public static ModeCatalog From(EngineFacts? engine, string? engineProblem = null, bool? hypervisorPresent = null)
    {
        var available = new List<IsolationMode> { IsolationMode.Host };
        var unavailable = new Dictionary<string, string>(StringComparer.Ordinal);
        if (engine is null)
        {
            foreach (var name in WellKnownLinuxRuntimes)
            {
                unavailable[name] = "no container engine: " + (engineProblem ?? "not reachable");
            }

            return new ModeCatalog(available, unavailable);
        }

        if (string.Equals(engine.OsType, "windows", StringComparison.OrdinalIgnoreCase))
        {
            available.Add(IsolationMode.ForWindowsIsolation("process"));
            if (hypervisorPresent == false)
            {
                unavailable["hyperv"] = NoHypervisorReason;
            }
            else
            {
                available.Add(IsolationMode.ForWindowsIsolation("hyperv"));
            }

            foreach (var name in WellKnownLinuxRuntimes)
            {
                unavailable[name] = "a Linux runtime; this engine runs Windows containers (switch Docker to Linux containers to use it)";
            }

            return new ModeCatalog(available, unavailable);
        }

        // Docker 20.10 also lists its shim names (io.containerd.runc.v2…): aliases of runc, not modes of their own.
        foreach (var runtime in engine.Runtimes.Where(r => !r.StartsWith("io.containerd.", StringComparison.Ordinal)))
        {
            available.Add(engine.RuntimeRegistrations.TryGetValue(runtime, out var registration)
                ? IsolationMode.ForRuntime(runtime, registration)
                : IsolationMode.ForRuntime(runtime));
        }

        foreach (var name in WellKnownLinuxRuntimes.Where(n => available.All(m => m.Name != n)))
        {
            unavailable[name] = name switch
            {
                "crun" => "not registered with the engine: sudo tools/start-engine.sh (installs crun and registers it)",
                "runsc" => "gVisor is not registered with the engine: sudo tools/install-runsc.sh",
                "kata-runtime" => "Kata Containers needs hardware virtualisation (KVM with vmx/svm) and is not installed",
                _ => "not registered with the engine (add it to /etc/docker/daemon.json \"runtimes\" and reload dockerd)",
            };
        }

        unavailable["process"] = "a Windows isolation mode; this engine runs Linux containers";
        unavailable["hyperv"] = "a Windows isolation mode; this engine runs Linux containers";
        return new ModeCatalog(available, unavailable);
    }
}
