using System.Text.Json;
using System.Text.Json.Nodes;

namespace IsolationBench.Harness.Tests.Windows;

/// <summary>
/// One recorded Windows Docker host (Recorded/windows/NAME/): its /info, /version and the fingerprints its probe
/// writes as a host process, in a process-isolated and in a Hyper-V-isolated container. Where each shape came
/// from is in Recorded/windows/README.md.
/// </summary>
public sealed record RecordedWindowsHost(string Name, JsonObject Info, JsonObject Version, JsonObject Fingerprints)
{
    public const string Server2022 = "ws2022";
    public const string Server2025 = "ws2025";
    public const string Windows11Of24H2 = "win11-24h2";

    /// <summary>Windows 11 23H2 (build 22631): no nanoserver image has its build; process isolation runs ltsc2022.</summary>
    public const string Windows11Of23H2 = "win11-23h2";

    public static readonly IReadOnlyList<string> WithNanoserverImage = [Server2022, Server2025, Windows11Of24H2];

    public string DefaultIsolation => Info["Isolation"]!.GetValue<string>();

    public static RecordedWindowsHost Load(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Recorded", "windows", name);
        return new RecordedWindowsHost(name, Read(dir, "info.json"), Read(dir, "version.json"), Read(dir, "fingerprints.json"));
    }

    /// <summary>The fingerprint JSON line the probe writes in <paramref name="kind"/> (host, process or hyperv).</summary>
    public string FingerprintLine(string kind) =>
        (Fingerprints[kind] ?? throw new InvalidOperationException($"{Name}: no recorded fingerprint for {kind}")).ToJsonString();

    /// <summary>
    /// The recorded fingerprint of a container created with HostConfig.CPUCount = <paramref name="cpuCount"/>: a
    /// Windows engine gives a process-isolated container that many CPUs and a Hyper-V one that many vCPUs, so the
    /// workload sees it (0 = not set: the recorded count, 2 vCPUs for hyperv, every host CPU for process).
    /// </summary>
    public string FingerprintLine(string kind, long cpuCount)
    {
        var fingerprint = (Fingerprints[kind] ?? throw new InvalidOperationException($"{Name}: no recorded fingerprint for {kind}")).DeepClone().AsObject();
        if (cpuCount > 0)
        {
            fingerprint["cpu_count"] = cpuCount;
            fingerprint["affinity_cpu_count"] = cpuCount;
        }

        return fingerprint.ToJsonString();
    }

    private static JsonObject Read(string dir, string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(dir, file)))?.AsObject()
        ?? throw new JsonException($"{Path.Combine(dir, file)} is not a JSON object");
}
