using IsolationBench.Results.BenchmarkDotNet;

namespace IsolationBench.Results;

/// <summary>What manifest.json's "metrics" holds at the end of a run: the metrics the run's workloads declared.</summary>
public static class DeclaredMetrics
{
    /// <summary>
    /// The metrics the run's workloads declare up front (startup's phases, density's footprint) and every guest benchmark whose isobench-units.json under artifacts/
    /// declares a direction, one per workload and metric, in a fixed order. Units files without one add nothing:
    /// their metrics keep the unit guess.
    /// </summary>
    public static IReadOnlyList<MetricDescriptor> Collect(RunDirectory directory, IReadOnlyList<Workloads.WorkloadDescriptor> descriptors)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(descriptors);
        var workloads = descriptors.Select(d => d.Name).ToList();
        var declared = new List<MetricDescriptor>();
        // Workloads that declare their metrics up front (startup, density), in the run's order.
        declared.AddRange(descriptors.SelectMany(w => w.Metrics));

        var guest = Directory.Exists(directory.Artifacts)
            ? Directory.GetFiles(directory.Artifacts, GuestUnitsFile.FileName, SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .SelectMany(Readable)
                .Select(u => u.Descriptor)
                .OfType<MetricDescriptor>()
            : [];
        declared.AddRange(guest
            .DistinctBy(d => (d.Workload, d.Id))
            .OrderBy(d => workloads.IndexOf(d.Workload))
            .ThenBy(d => d.Id, StringComparer.Ordinal));
        return declared;
    }

    // A broken units file has already failed its container's conversion (and says so there); the manifest is
    // written regardless, and those metrics keep the unit guess.
    private static IEnumerable<GuestUnit> Readable(string path)
    {
        try
        {
            return GuestUnitsFile.Read(path).Values;
        }
        catch (ResultsFormatException)
        {
            return [];
        }
    }
}
