namespace IsolationBench.Harness.Tests.Integration;

/// <summary>
/// The private engines of the fault and TLS tests share the host's network namespace with the system engine: one
/// started with --bridge=none deleted docker0, after which the system engine could run no build step (seen here: the
/// next `run.ps1 -Setup` failed building the guest image with "could not find bridge docker0").
/// </summary>
[Collection(RealEngineCollection.Name)]
public sealed class PrivateDockerdTests
{
    private const string SystemBridge = "/sys/class/net/docker0";

    [SkippableFact]
    public async Task A_private_engine_uses_its_own_bridge_and_leaves_the_system_engines_docker0_alone()
    {
        var hadDocker0 = Directory.Exists(SystemBridge);
        if (RealEngine.InCi)
        {
            Assert.True(hadDocker0, "the system engine's docker0 is missing before this test: an earlier test deleted it (.ci/run's engine has one)");
        }

        Skip.IfNot(hadDocker0, "no docker0 here (the system engine runs without its default bridge): nothing to protect");
        string bridge;
        await using (var dockerd = await PrivateDockerd.StartNewAsync())
        {
            bridge = dockerd.Bridge;
            Assert.True(Directory.Exists("/sys/class/net/" + bridge), bridge + " was not created");
            Assert.True(Directory.Exists(SystemBridge), "docker0 was deleted when the private engine started");
        }

        Assert.True(Directory.Exists(SystemBridge), "docker0 was deleted when the private engine stopped");
        Assert.False(Directory.Exists("/sys/class/net/" + bridge), bridge + " was left behind");
    }
}
