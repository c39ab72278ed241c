using IsolationBench.Workloads.Startup.RuntimeDirect;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Tests.Unit.RuntimeDirect;

public sealed class RuntimeCommandTests
{
    [Fact]
    public void Runsc_gets_the_engines_runtime_arguments_before_its_own_root_and_the_subcommand()
    {
        var runsc = RuntimeCommand.From("runsc", new RuntimeRegistration("/usr/local/bin/runsc", ["--network=none", "--platform=ptrace"], string.Empty), "/s/state-runsc")!;

        Assert.Equal("/usr/local/bin/runsc", runsc.Executable);
        Assert.Equal(["--network=none", "--platform=ptrace", "--root", "/s/state-runsc", "create", "--bundle", "/s/bundle", "c1"], runsc.Create("/s/bundle", "c1"));
        Assert.Equal(["--network=none", "--platform=ptrace", "--root", "/s/state-runsc", "start", "c1"], runsc.Start("c1"));
        Assert.Equal(["--network=none", "--platform=ptrace", "--root", "/s/state-runsc", "delete", "--force", "c1"], runsc.Delete("c1"));
        Assert.Equal(["--network=none", "--platform=ptrace", "--root", "/s/state-runsc", "list", "--quiet"], runsc.List());
    }

    [Fact]
    public void Runc_and_crun_run_with_their_root_only()
    {
        var runc = RuntimeCommand.From("runc", new RuntimeRegistration("runc", [], string.Empty), "/s/state-runc")!;
        var crun = RuntimeCommand.From("crun", new RuntimeRegistration("/usr/bin/crun", [], string.Empty), "/s/state-crun")!;

        Assert.Equal("runc", runc.Executable);
        Assert.Equal(["--root", "/s/state-runc", "start", "c1"], runc.Start("c1"));
        Assert.Equal(["--root", "/s/state-crun", "delete", "--force", "c1"], crun.Delete("c1"));
    }

    [Fact]
    public void A_runtime_registered_as_a_containerd_shim_type_has_no_binary_to_run()
    {
        Assert.Null(RuntimeCommand.From("kata", new RuntimeRegistration(string.Empty, [], "io.containerd.kata.v2"), "/s/state-kata"));
        // The engine's default runc entry may name neither: the binary is then found on PATH by its name, as the engine does.
        Assert.Equal("runc", RuntimeCommand.From("runc", new RuntimeRegistration(string.Empty, [], string.Empty), "/r")!.Executable);
    }
}
