using IsolationBench.Workloads.Startup.RuntimeDirect;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Workloads;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Unit.Variants;

/// <summary>--modes runc,runc+unconfined: a Linux container mode with one knob changed; everything else refused in one line.</summary>
public sealed class VariantSelectionTests
{
    private static readonly ModeCatalog Linux = ModeCatalog.From(SelectionTests.LinuxEngine with
    {
        Runtimes = ["crun", "io.containerd.runc.v2", "runc", "runsc"],
        RuntimeRegistrations = new Dictionary<string, RuntimeRegistration> { ["runsc"] = new("/usr/local/bin/runsc", ["--network=none"], string.Empty) },
    });

    private static readonly ModeCatalog Windows = ModeCatalog.From(SelectionTests.LinuxEngine with { OsType = "windows", KernelVersion = "10.0 20348 (20348.1.amd64fre.fe_release.210507-1500)" });

    [Theory]
    [InlineData("runc", "unconfined")]
    [InlineData("crun", "nomemlimit")]
    [InlineData("runsc", "nocpulimit")]
    public void A_variant_is_its_parent_with_one_knob_same_runtime_and_kernel_boundary(string parent, string knob)
    {
        var modes = Selection.Modes($"host,{parent},{parent}+{knob}", Linux);

        var variant = modes[2];
        var real = Linux.Find(parent)!;
        Assert.Equal($"{parent}+{knob}", variant.Name);
        Assert.Equal((parent, knob, true), (variant.Parent, variant.Knob, variant.IsVariant));
        Assert.Equal((real.Kind, real.Runtime, real.Isolation, real.Boundary, real.ClassifiedBy), (variant.Kind, variant.Runtime, variant.Isolation, variant.Boundary, variant.ClassifiedBy));
        Assert.Equal(real.ContainerTimeout, variant.ContainerTimeout);
        Assert.False(modes[1].IsVariant);
    }

    [Theory]
    [InlineData("runc,runc+seccomp", "unknown knob 'seccomp'")]
    [InlineData("runc,runc+", "unknown knob ''")]
    [InlineData("runc,runc+Unconfined", "unknown knob 'Unconfined'")]
    [InlineData("runc,runc+unconfined+nomemlimit", "'runc+unconfined' is not a mode this host offers")]
    [InlineData("runc,kata+unconfined", "'kata' is not a mode this host offers")]
    [InlineData("host,host+unconfined", "only a Linux container mode (runc, crun, runsc…) takes a knob, not host")]
    [InlineData("+unconfined", "'' is not a mode this host offers")]
    [InlineData("runc+nocpulimit", "is measured beside its parent: add runc to --modes")]
    public void Bad_variants_are_one_line_usage_errors(string list, string expected)
    {
        var error = Assert.Throws<UsageException>(() => Selection.Modes(list, Linux));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_unknown_knob_lists_the_knobs()
    {
        var error = Assert.Throws<UsageException>(() => Selection.Modes("runc,runc+nothing", Linux));

        Assert.Contains("one of unconfined, nomemlimit, nocpulimit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_input_stays_one_printable_line()
    {
        var hostile = "runc,runc+\u001b[2J\nrm -rf /" + new string('x', 500);

        var error = Assert.Throws<UsageException>(() => Selection.Modes(hostile, Linux));

        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\u001b', error.Message);
        Assert.True(error.Message.Length < 400, error.Message);
    }

    [Theory]
    [InlineData("process,process+unconfined", "process")]
    [InlineData("hyperv,hyperv+nomemlimit", "hyperv")]
    public void Windows_modes_refuse_variants(string list, string parent)
    {
        var error = Assert.Throws<UsageException>(() => Selection.Modes(list, Windows));

        Assert.Contains($"only a Linux container mode (runc, crun, runsc…) takes a knob, not {parent}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variant_listed_twice_is_refused_like_any_mode()
    {
        var error = Assert.Throws<UsageException>(() => Selection.Modes("runc,runc+unconfined,runc+unconfined", Linux));

        Assert.Contains("names 'runc+unconfined' twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variant_never_takes_a_second_knob_and_a_host_takes_none()
    {
        Assert.Throws<InvalidOperationException>(() => Linux.Find("runc")!.WithKnob(ModeVariants.Unconfined).WithKnob(ModeVariants.NoCpuLimit));
        Assert.Throws<InvalidOperationException>(() => IsolationMode.Host.WithKnob(ModeVariants.Unconfined));
    }

    [Fact]
    public void Startup_runtime_refuses_a_variant_before_the_run()
    {
        var variant = Linux.Find("runc")!.WithKnob(ModeVariants.Unconfined);
        var facts = new SupportFacts("linux", "linux") { Root = true, Runtimes = new Dictionary<string, RuntimeRegistration> { ["runc"] = new("runc", [], string.Empty) } };

        Assert.Contains("leave runc+unconfined out of --modes", RuntimeDirectSupport.ForMode(variant, facts), StringComparison.Ordinal);
        Assert.Null(RuntimeDirectSupport.ForMode(Linux.Find("runc")!, facts));
    }
}
