using IsolationBench.Harness;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Workloads.Startup.RuntimeDirect;

/// <summary>
/// One OCI runtime binary as the engine registered it (/info Runtimes: path and runtime arguments, e.g. runsc's
/// --network=none --platform=ptrace), pointed at its own state root. Builds the argument lists of the OCI
/// runtime command line (runc, crun and runsc share it): global flags, then the subcommand.
/// </summary>
public sealed record RuntimeCommand(string Name, string Executable, IReadOnlyList<string> RegisteredArguments, string StateRoot)
{
    /// <summary>
    /// From the engine's registration. The engine's runc entry names no absolute path (it is "runc", found on PATH
    /// like the engine finds it); a runtime registered only as a containerd shim type (Kata) has no binary to run.
    /// </summary>
    public static RuntimeCommand? From(string name, RuntimeRegistration registration, string stateRoot)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var path = registration.Path.Length > 0 ? registration.Path : registration.Type.Length == 0 ? name : string.Empty;
        return path.Length == 0 ? null : new RuntimeCommand(name, path, registration.Arguments, stateRoot);
    }

    public IReadOnlyList<string> Create(string bundle, string id) => Global("create", "--bundle", bundle, id);

    public IReadOnlyList<string> Start(string id) => Global("start", id);

    /// <summary>--force: also a container that is still running (a timed-out or half-created one).</summary>
    public IReadOnlyList<string> Delete(string id) => Global("delete", "--force", id);

    /// <summary>Ids only, one a line (runc, crun and runsc all take --quiet; runsc refuses -q).</summary>
    public IReadOnlyList<string> List() => Global("list", "--quiet");

    /// <summary>Global flags go before the subcommand: the registered ones, then our own state root.</summary>
    private string[] Global(params string[] subcommand) => [.. RegisteredArguments, "--root", StateRoot, .. subcommand];
}
