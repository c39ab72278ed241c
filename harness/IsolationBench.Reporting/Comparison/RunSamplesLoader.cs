using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;
using StartupPhases = IsolationBench.Results.StartupPhases;

namespace IsolationBench.Reporting.Comparison;

/// <summary>Reads what compare needs from a run directory: manifest, samples, fingerprints (never re-measures).</summary>
public static class RunSamplesLoader
{
    /// <exception cref="ResultsFormatException">a file of the run is missing or unreadable (names file and line).</exception>
    /// <param name="workloads">the workloads' report parts (the host-noise control among them).</param>
    public static RunSamples Load(string runDir, IReadOnlyList<Workloads.WorkloadReport> workloads)
    {
        ArgumentNullException.ThrowIfNull(runDir);
        var run = new RunDirectory(runDir);
        var manifest = run.ReadManifest();
        if (!File.Exists(run.Samples))
        {
            throw new ResultsFormatException(run.Samples, 0, "not found: the run measured nothing yet");
        }

        var samples = SampleCsv.Read(run.Samples);
        var unverified = RunAnalyzer.Unverified(manifest, run.ReadFingerprints());
        var excluded = unverified.Select(e => e.Mode).ToHashSet(StringComparer.Ordinal);
        // A mode's first container is one lifecycle per run: nothing a regression gate can judge, so compare leaves it out.
        var kept = samples.Where(s => !excluded.Contains(s.Mode) && !StartupPhases.IsFirst(s.Metric)).ToList();
        return new RunSamples(manifest.RunId, manifest.StartedUtc, run.Path, kept, NoiseCheck.Reasons(kept, workloads)) { Unverified = unverified, Directions = MetricDirections.Of(manifest) };
    }
}
