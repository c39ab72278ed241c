using IsolationBench.Benchmarks.Host;
using IsolationBench.Harness;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Modes;

// Exit codes: 0 every case ran, 1 a case failed or BDN refused to run, 2 bad command line or unknown mode.
EngineBenchArguments arguments;
EngineBenchOptions options;
try
{
    arguments = EngineBenchArguments.Parse(args);
    await using var preflight = await Preflight.RunAsync(arguments.Engine, arguments.InsecureEngine, Preflight.NeedsEngine(arguments.Modes), CancellationToken.None, tls: EngineTlsSettings.FromEnvironment(arguments.TlsCa, arguments.TlsCert, arguments.TlsKey)).ConfigureAwait(false);
    options = new EngineBenchOptions
    {
        // The harness passes the modes it ran; resolving them here again gives each its runtime/isolation.
        Modes = Selection.Modes(arguments.Modes, preflight.Catalog),
        ProbeImage = arguments.ProbeImage,
        ProbeBinary = Path.GetFullPath(arguments.ProbeBinary),
        ArtifactsDir = Path.GetFullPath(arguments.ArtifactsDir),
        RunId = arguments.RunId,
        Engine = arguments.Engine,
        InsecureEngine = arguments.InsecureEngine,
        TlsCa = arguments.TlsCa,
        TlsCert = arguments.TlsCert,
        TlsKey = arguments.TlsKey,
        Iterations = arguments.Iterations,
        Warmup = arguments.Warmup,
        Profile = arguments.Smoke ? EngineBenchProfile.Smoke : EngineBenchProfile.Measure,
    };
}
catch (Exception ex) when (ex is ArgumentException or UsageException or EngineUnavailableException)
{
    await Console.Error.WriteLineAsync("isobench-engine-bench: " + ex.Message).ConfigureAwait(false);
    return 2;
}

var summary = EngineBenchRunner.Run(options);
var problems = EngineBenchRunner.Problems(summary);
if (problems.Count > 0)
{
    await Console.Error.WriteLineAsync("isobench-engine-bench: " + string.Join("; ", problems)).ConfigureAwait(false);
    return 1;
}

return 0;
