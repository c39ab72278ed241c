using IsolationBench.Harness.Modes;

namespace IsolationBench.Harness.Tests.Windows;

/// <summary>
/// hyperv needs a running hypervisor, not just the Hyper-V feature: when Windows' Win32_ComputerSystem.HypervisorPresent
/// is False (feature on, hypervisor not launched), preflight does not offer it. True refuses nothing: a VM sees its
/// host's hypervisor whether or not nested virtualisation lets it run one of its own.
/// </summary>
public sealed class HypervisorPreflightTests
{
    [Theory]
    [InlineData(RecordedWindowsHost.Server2022)]
    [InlineData(RecordedWindowsHost.Windows11Of23H2)]
    public async Task Without_a_running_hypervisor_hyperv_is_not_offered_and_says_why(string host)
    {
        await using var engine = new FakeWindowsEngine(RecordedWindowsHost.Load(host));
        var queries = new FakeWindowsHostQueries(hypervisorPresent: false);
        await using var preflight = await Preflight.RunAsync(engine.Endpoint, insecure: true, engineRequired: true, CancellationToken.None, queries);

        Assert.Equal(["host", "process"], preflight.Catalog.Available.Select(m => m.Name));
        Assert.Contains("HypervisorPresent is False", preflight.Catalog.Unavailable["hyperv"], StringComparison.Ordinal);
        Assert.False(preflight.HypervisorPresent);
        Assert.Equal(1, queries.HypervisorQuestions);
    }

    [Fact]
    public async Task Asking_for_hyperv_without_a_running_hypervisor_is_a_one_line_usage_error()
    {
        await using var engine = new FakeWindowsEngine(RecordedWindowsHost.Load(RecordedWindowsHost.Windows11Of24H2));
        await using var preflight = await Preflight.RunAsync(engine.Endpoint, insecure: true, engineRequired: true, CancellationToken.None, new FakeWindowsHostQueries(false));

        // UsageException is exit 2 in the CLI; nothing has run yet.
        var ex = Assert.Throws<UsageException>(() => Selection.Modes("host,hyperv", preflight.Catalog));
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Contains("hyperv: Win32_ComputerSystem.HypervisorPresent is False", ex.Message, StringComparison.Ordinal);
        Assert.Contains("hypervisorlaunchtype", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(null)]
    public async Task A_running_or_unknown_hypervisor_refuses_nothing(bool? present)
    {
        await using var engine = new FakeWindowsEngine(RecordedWindowsHost.Load(RecordedWindowsHost.Server2025));
        await using var preflight = await Preflight.RunAsync(engine.Endpoint, insecure: true, engineRequired: true, CancellationToken.None, new FakeWindowsHostQueries(present));

        Assert.Equal(["host", "process", "hyperv"], preflight.Catalog.Available.Select(m => m.Name));
        Assert.False(preflight.Catalog.Unavailable.ContainsKey("hyperv"));
        Assert.Equal(present, preflight.HypervisorPresent);
    }

    [Fact]
    public void A_linux_engine_is_never_refused_hyperv_for_a_hypervisor_reason() =>
        // The catalog's reason for hyperv on Linux stays "a Windows isolation mode", whatever was passed.
        Assert.Contains("Windows isolation mode", ModeCatalog.From(LinuxFacts(), hypervisorPresent: false).Unavailable["hyperv"], StringComparison.Ordinal);

    private static Engine.EngineFacts LinuxFacts() => new()
    {
        Version = "20.10.24",
        ApiVersion = "1.41",
        OsType = "linux",
        OperatingSystem = "Debian GNU/Linux 12 (bookworm)",
        KernelVersion = "6.1.0",
        Runtimes = ["runc"],
    };
}
