using IsolationBench.Harness.Modes;

namespace IsolationBench.Harness.Tests.Windows;

/// <summary>Preflight against each recorded Windows daemon: the modes offered are exactly host, process, hyperv.</summary>
public sealed class WindowsPreflightTests
{
    public static TheoryData<string, int, string> Hosts => new()
    {
        { RecordedWindowsHost.Server2022, 20348, "process" },
        { RecordedWindowsHost.Server2025, 26100, "process" },
        { RecordedWindowsHost.Windows11Of24H2, 26100, "hyperv" },
        { RecordedWindowsHost.Windows11Of23H2, 22631, "hyperv" },
    };

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Offers_host_process_and_hyperv_and_no_linux_runtime(string name, int build, string defaultIsolation)
    {
        await using var engine = new FakeWindowsEngine(RecordedWindowsHost.Load(name));
        await using var preflight = await Preflight.RunAsync(engine.Endpoint, insecure: true, engineRequired: true, CancellationToken.None);

        Assert.Equal(["host", "process", "hyperv"], preflight.Catalog.Available.Select(m => m.Name));
        Assert.Null(preflight.Catalog.Find("runc"));
        Assert.Contains("Linux runtime", preflight.Catalog.Unavailable["runc"], StringComparison.Ordinal);
        var facts = preflight.Facts!;
        Assert.Equal("windows", facts.OsType);
        Assert.Equal(build, facts.WindowsBuild);
        Assert.Equal(defaultIsolation, facts.DefaultIsolation);
        Assert.Empty(facts.Runtimes);
        Assert.Equal(KernelBoundary.SharedKernel, preflight.Catalog.Find("process")!.Boundary);
        Assert.Equal(KernelBoundary.VirtualMachine, preflight.Catalog.Find("hyperv")!.Boundary);
    }

    [Fact]
    public async Task Asking_for_runc_on_a_windows_engine_is_a_one_line_error_naming_what_is_offered()
    {
        await using var engine = new FakeWindowsEngine(RecordedWindowsHost.Load(RecordedWindowsHost.Server2022));
        await using var preflight = await Preflight.RunAsync(engine.Endpoint, insecure: true, engineRequired: true, CancellationToken.None);

        var ex = Assert.Throws<UsageException>(() => Selection.Modes("host,runc", preflight.Catalog));
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Contains("host, process, hyperv", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Windows containers", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_version_is_negotiated_from_the_recorded_daemon()
    {
        await using var engine = new FakeWindowsEngine(RecordedWindowsHost.Load(RecordedWindowsHost.Server2022));
        await using var preflight = await Preflight.RunAsync(engine.Endpoint, insecure: true, engineRequired: true, CancellationToken.None);

        // Probe at the oldest version, then speak the daemon's own (24.0.7 serves 1.43).
        Assert.StartsWith("/v1.24/version", engine.Requests[0].Target, StringComparison.Ordinal);
        Assert.Contains(engine.Requests, r => r.Target.StartsWith("/v1.43/info", StringComparison.Ordinal));
        Assert.Equal("1.43", preflight.Facts!.ApiVersion);
    }
}
