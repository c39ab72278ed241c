using IsolationBench.Cli.CommandLine;
using IsolationBench.Fingerprint;

namespace IsolationBench.Cli.Commands;

/// <summary>The probe's detection, on the spot: "am I in a container, a VM, gVisor?"</summary>
internal sealed class WhereAmICommand : ICommand
{
    public CommandSpec Spec { get; } = new(
        "whereami",
        "tell whether this process runs in a container, a VM or gVisor, and why",
        [new("--json", true, "print the raw fingerprint JSON")],
        0,
        0,
        "isobench whereami [--json]");

    public Task<int> ExecuteAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var fp = FingerprintCollector.Collect();
        if (args.Has("--json"))
        {
            context.Out.WriteLine(FingerprintJson.Serialize(fp));
            return Task.FromResult(ExitCodes.Ok);
        }

        var o = context.Out;
        o.WriteLine(Verdict(fp));
        o.WriteLine($"  os            {fp.OsDescription}");
        o.WriteLine($"  kernel        {fp.KernelVersion}");
        o.WriteLine($"  container     {(fp.InContainer ? "yes: " + string.Join(", ", fp.ContainerEvidence) : "no evidence")}");
        o.WriteLine($"  gVisor        {(fp.IsGVisor ? "yes: " + string.Join(", ", fp.GVisorEvidence) : "no")}");
        o.WriteLine($"  hypervisor    {(fp.HypervisorPresent ? "present (cpuinfo flag): this kernel runs in a VM" : "none seen")}");
        o.WriteLine($"  pid 1         {fp.Pid1Command ?? "?"}; root fs {fp.RootFileSystem ?? "?"}; hostname {fp.Hostname}");
        o.WriteLine($"  cpus/memory   {fp.CpuCount} / {fp.MemoryAvailableBytes / (1024 * 1024)} MiB usable");
        if (fp.EffectiveCapabilities is not null)
        {
            o.WriteLine($"  capabilities  CapEff={fp.EffectiveCapabilities}, no_new_privs={fp.NoNewPrivileges}");
        }

        o.WriteLine($"  network       {string.Join(", ", fp.NetworkInterfaces)}");
        return Task.FromResult(ExitCodes.Ok);
    }

    internal static string Verdict(IsolationFingerprint fp) =>
        fp.IsGVisor ? "You are in a gVisor sandbox: a user-space kernel answers your system calls."
        : fp.InContainer && fp.HypervisorPresent ? "You are in a container, on a kernel that itself runs in a VM."
        : fp.InContainer ? "You are in a container, on the host's kernel."
        : fp.HypervisorPresent ? "You are not in a container, but this machine is a VM."
        : "You are on bare metal, not in a container.";
}
