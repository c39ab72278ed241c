namespace IsolationBench.Reporting.Exporters;

/// <summary>Where a report's exporters write, and what the earlier ones made for the later ones to show.</summary>
public sealed record ExportContext(string OutputDirectory, bool WriteCharts)
{
    /// <summary>Base names of the charts written so far (each as .png and .svg).</summary>
    public IReadOnlyList<string> Charts { get; init; } = [];

    /// <summary>Base names of the trend charts written so far.</summary>
    public IReadOnlyList<string> Trends { get; init; } = [];

    /// <summary>Warnings the exporters raised (beyond the analysers'), e.g. a history that already held this run.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>This context with what one exporter made added.</summary>
    public ExportContext With(ExportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return this with
        {
            Charts = [.. Charts, .. result.Charts],
            Trends = [.. Trends, .. result.Trends],
            Warnings = [.. Warnings, .. result.Warnings],
        };
    }
}
