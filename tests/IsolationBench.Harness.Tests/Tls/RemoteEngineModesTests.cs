using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Modes;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Tls;

/// <summary>An engine on another machine: host is not offered (it would measure the harness's machine), the baseline falls to a container mode.</summary>
public sealed class RemoteEngineModesTests
{
    private static readonly EngineFacts LinuxEngine = Unit.SelectionTests.LinuxEngine;

    [Theory]
    [InlineData("tcp://10.1.2.3:2376", true)]
    [InlineData("tcp://build-host.example:2376", true)]
    [InlineData("tcp://127.0.0.1:2376", false)]
    [InlineData("tcp://localhost:2376", false)]
    [InlineData("unix:///var/run/docker.sock", false)]
    public void Only_tcp_to_another_machine_is_remote(string endpoint, bool remote)
    {
        Assert.Equal(remote, Preflight.IsRemote(EngineEndpoint.Resolve(endpoint, null, false, allowInsecureTcp: true)));
    }

    [Fact]
    public void A_remote_engine_offers_no_host_mode_and_says_why_when_it_is_asked_for()
    {
        var catalog = ModeCatalog.From(LinuxEngine).WithoutHost("tcp://10.1.2.3:2376");

        Assert.Equal(["crun", "runc"], catalog.Available.Select(m => m.Name));
        var ex = Assert.Throws<UsageException>(() => Selection.Modes("host,runc", catalog));
        Assert.Contains("another machine (tcp://10.1.2.3:2376)", ex.Message, StringComparison.Ordinal);
        Assert.Equal("runc", BaselineRule.Choose([.. Selection.Modes(null, catalog).Select(m => m.Name)]));
    }
}
