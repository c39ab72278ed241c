namespace IsolationBench.Harness.Engine;

/// <summary>
/// Best effort, at the start of any isobench command: remove containers of earlier runs whose harness is gone
/// (killed with -9, crashed, machine rebooted). An unreachable engine is not an error here.
/// </summary>
public static class LeftoverSweep
{
    public static async Task<int> RunAsync(string? endpoint, bool insecure, CancellationToken cancellationToken, EngineTlsSettings? tls = null)
    {
        EngineEndpoint resolved;
        try
        {
            resolved = EngineEndpoint.Resolve(endpoint, Environment.GetEnvironmentVariable("DOCKER_HOST"), OperatingSystem.IsWindows(), insecure, tls ?? EngineTlsSettings.FromEnvironment());
        }
        catch (UsageException)
        {
            return 0;
        }

        if (resolved.IsUnixSocket && !File.Exists(resolved.Uri.AbsolutePath))
        {
            return 0;
        }

        try
        {
            await using var engine = await DockerEngine.ConnectAsync(resolved, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            return await new ContainerJanitor(engine).SweepAsync(null, includeLiveOwners: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is EngineUnavailableException or EngineRequestException or UsageException)
        {
            return 0;
        }
    }
}
