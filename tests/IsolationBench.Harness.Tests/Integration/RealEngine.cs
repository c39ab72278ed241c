using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Images;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>
/// The real Docker engine for integration tests. In CI (CI=true) a missing engine is a test failure with a clear
/// message — .ci/run starts the engine, so its absence is a CI bug. Outside CI the tests skip and say why.
/// </summary>
public sealed class RealEngine : IAsyncLifetime
{
    private string? _problem;

    public DockerEngine? Engine { get; private set; }

    public EngineFacts? Facts { get; private set; }

    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static RepositoryLayout Layout =>
        RepositoryLayout.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("tests must run from inside the repository");

    public async Task InitializeAsync()
    {
        try
        {
            var endpoint = EngineEndpoint.Resolve(null, Environment.GetEnvironmentVariable("DOCKER_HOST"), OperatingSystem.IsWindows(), false);
            Engine = await DockerEngine.ConnectAsync(endpoint, TimeSpan.FromSeconds(15), CancellationToken.None);
            Facts = await Engine.GetFactsAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is EngineUnavailableException or UsageException)
        {
            _problem = ex.Message;
        }
    }

    /// <summary>The engine, or a failure (CI) / skip (elsewhere) naming what is missing.</summary>
    public DockerEngine Require()
    {
        if (Engine is not null)
        {
            return Engine;
        }

        var message = $"integration test needs a Docker engine: {_problem}";
        if (InCi)
        {
            throw new InvalidOperationException(message + " (.ci/run should have started it with tools/start-engine.sh)");
        }

        Skip.If(true, message + " — skipped outside CI; run sudo tools/start-engine.sh to include it");
        return null!;
    }

    /// <summary>A runtime the test needs; in CI its absence fails, elsewhere it skips.</summary>
    public void RequireRuntime(string runtime)
    {
        Require();
        if (Facts!.Runtimes.Contains(runtime))
        {
            return;
        }

        var message = $"runtime {runtime} is not registered with the engine (has: {string.Join(", ", Facts.Runtimes)})";
        if (InCi)
        {
            throw new InvalidOperationException(message + "; .ci/run installs crun (tools/start-engine.sh) and runsc (tools/install-runsc.sh)");
        }

        Skip.If(true, message + " — skipped outside CI");
    }

    public async Task DisposeAsync()
    {
        if (Engine is not null)
        {
            await Engine.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RealEngineCollection : ICollectionFixture<RealEngine>
{
    public const string Name = "real engine";
}
