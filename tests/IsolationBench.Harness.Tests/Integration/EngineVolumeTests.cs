using IsolationBench.Harness.Lifecycle;
using System.Diagnostics;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>The io volume target of a remote engine: a fresh anonymous volume on the engine's host, gone with its container.</summary>
[Collection(RealEngineCollection.Name)]
public sealed class EngineVolumeTests(RealEngine real)
{
    [SkippableFact]
    public async Task A_container_volume_is_an_anonymous_engine_volume_removed_with_the_container()
    {
        var engine = real.Require();
        var spec = new ContainerSpec
        {
            Image = await ProbeImage.EnsureAsync(engine),
            Labels = Labels.ForRun("it-engine-volume"),
            Volumes = ["/work/volume"],
        };
        var volumes = new List<string>();

        var run = await new ContainerLifecycle(engine).RunAsync(
            spec,
            TimeSpan.FromSeconds(60),
            async (id, ct) => volumes.Add(await DockerAsync(ct, "inspect", "-f", "{{range .Mounts}}{{.Type}}:{{.Name}}:{{.Destination}}{{end}}", id)),
            requireReadyLine: true,
            CancellationToken.None);

        Assert.True(run.Ok, run.Failure);
        var mount = Assert.Single(volumes).Split(':');
        Assert.Equal("volume", mount[0]);
        Assert.Equal("/work/volume", mount[2]);
        Assert.Equal(string.Empty, await DockerAsync(CancellationToken.None, "volume", "ls", "-q", "--filter", "name=^" + mount[1] + "$"));
    }

    private static async Task<string> DockerAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var info = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.True(process.ExitCode == 0, "docker " + string.Join(' ', arguments) + ": " + await process.StandardError.ReadToEndAsync(cancellationToken));
        return output.Trim();
    }
}
