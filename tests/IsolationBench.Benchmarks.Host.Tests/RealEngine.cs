using IsolationBench.Harness.Engine;

namespace IsolationBench.Benchmarks.Host.Tests;

/// <summary>
/// The real engine, or a reason it is missing. In CI (CI=true) a missing engine or runtime fails the test with a
/// clear message — the CI script starts the engine, so its absence is a CI bug; elsewhere the test skips and says why.
/// </summary>
internal static class RealEngine
{
    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static async Task<EngineFacts> RequireAsync(string runtime)
    {
        string problem;
        try
        {
            var endpoint = EngineEndpoint.Resolve(null, Environment.GetEnvironmentVariable("DOCKER_HOST"), OperatingSystem.IsWindows(), false);
            await using var engine = await DockerEngine.ConnectAsync(endpoint, TimeSpan.FromSeconds(15), CancellationToken.None);
            var facts = await engine.GetFactsAsync(CancellationToken.None);
            if (facts.Runtimes.Contains(runtime))
            {
                return facts;
            }

            problem = $"runtime {runtime} is not registered with the engine (has: {string.Join(", ", facts.Runtimes)})";
        }
        catch (Exception ex) when (ex is EngineUnavailableException or Harness.UsageException)
        {
            problem = "no Docker engine: " + ex.Message;
        }

        var message = $"the engine-bench integration test needs a Docker engine with {runtime}: {problem}";
        if (InCi)
        {
            throw new InvalidOperationException(message + " (CI must start it: sudo tools/start-engine.sh)");
        }

        Skip.If(true, message + " — skipped outside CI; run sudo tools/start-engine.sh to include it");
        throw new InvalidOperationException("unreachable");
    }
}
