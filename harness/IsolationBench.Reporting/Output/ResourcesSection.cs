using System.Globalization;
using System.Text;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Output;

/// <summary>
/// "Resources per mode": what every mode was asked to be limited to, what each saw from inside (its first
/// fingerprint), and what kernel boundary it was held to and why. Empty for runs recorded before --cpus/--memory.
/// </summary>
public static class ResourcesSection
{
    public static string Markdown(RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Resources is not { } asked)
        {
            return string.Empty;
        }

        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("### Resources per mode").AppendLine();
        sb.Append(inv, $"Asked of every mode: {asked.Cpus} CPU(s), memory limit {Bytes(asked.MemoryBytes)}.");
        if (asked.HostLimits is { } how)
        {
            sb.Append(" Host processes: ").Append(how).Append('.');
        }

        if (manifest.Modes.Any(m => m.Knob is ModeVariants.NoCpuLimit or ModeVariants.NoMemoryLimit))
        {
            sb.Append(" A variant gets the same but for the one limit its knob drops (nocpulimit: no CPU limit; nomemlimit: no memory limit).");
        }

        sb.AppendLine().AppendLine();
        sb.AppendLine("| Mode | Kernel boundary (why) | CPUs seen | CPUs allowed | Memory limit seen |").AppendLine("|---|---|---:|---:|---:|");
        foreach (var mode in manifest.Modes)
        {
            var seen = manifest.EffectiveResources.GetValueOrDefault(mode.Name);
            var why = mode.ClassifiedBy.Length == 0 ? mode.Boundary : $"{mode.Boundary} ({mode.ClassifiedBy})";
            var name = mode.Parent is { } parent ? $"{mode.Name} (variant of {parent}, less isolated)" : mode.Name;
            sb.Append(inv, $"| {name} | {why.Replace("|", "\\|", StringComparison.Ordinal)} | ")
                .Append(seen is null ? "–" : seen.CpuCount.ToString(inv)).Append(" | ")
                .Append(seen?.AffinityCpuCount?.ToString(inv) ?? "–").Append(" | ")
                .Append(seen is null ? "–" : seen.MemoryLimitBytes is { } m ? Bytes(m) : "none seen").AppendLine(" |");
        }

        return sb.AppendLine().ToString();
    }

    private static string Bytes(long bytes) => bytes % (1L << 20) == 0
        ? (bytes >> 20).ToString(CultureInfo.InvariantCulture) + " MiB"
        : bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
}
