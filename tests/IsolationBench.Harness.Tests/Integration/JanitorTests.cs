using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Tests.Integration;

[Collection(RealEngineCollection.Name)]
public sealed class JanitorTests(RealEngine real)
{
    [SkippableFact]
    public async Task Containers_of_a_dead_harness_are_swept_and_a_live_ones_are_kept()
    {
        var engine = real.Require();
        var image = await ProbeImage.EnsureAsync(engine);
        var deadRun = "it-dead-" + Guid.NewGuid().ToString("N")[..8];
        var liveRun = "it-live-" + Guid.NewGuid().ToString("N")[..8];
        var dead = new Dictionary<string, string>(Labels.ForRun(deadRun)) { [Labels.OwnerPid] = "999999999" };
        var orphan = await engine.CreateContainerAsync(new ContainerSpec { Image = image, Labels = dead }, CancellationToken.None);
        var kept = await engine.CreateContainerAsync(new ContainerSpec { Image = image, Labels = Labels.ForRun(liveRun) }, CancellationToken.None);
        try
        {
            var janitor = new ContainerJanitor(engine);

            var removed = await janitor.SweepAsync(deadRun, includeLiveOwners: false, CancellationToken.None);
            var keptAfter = await janitor.SweepAsync(liveRun, includeLiveOwners: false, CancellationToken.None);

            Assert.Equal(1, removed);
            Assert.Equal(0, keptAfter);
            Assert.Empty(await engine.ListContainersAsync(Labels.Run, deadRun, CancellationToken.None));
            Assert.Single(await engine.ListContainersAsync(Labels.Run, liveRun, CancellationToken.None));
        }
        finally
        {
            await engine.RemoveAsync(orphan, CancellationToken.None);
            await engine.RemoveAsync(kept, CancellationToken.None);
        }
    }
}
