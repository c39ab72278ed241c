namespace IsolationBench.Harness.Engine;

/// <summary>The engine's socket or pipe is never mounted into a container: whoever holds it is root on the host.</summary>
public static class EngineSocketGuard
{
    private static readonly string[] Forbidden = ["docker.sock", "docker_engine", "containerd.sock", "/var/run/docker", "/run/docker"];

    public static void Check(ContainerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var bind in spec.Binds)
        {
            if (Forbidden.Any(f => bind.Contains(f, StringComparison.OrdinalIgnoreCase)))
            {
                throw new UsageException($"refusing to mount '{bind}' into a container: it exposes the container engine (root on the host)");
            }
        }
    }
}
