namespace IsolationBench.Reporting.Exporters;

/// <summary>What one exporter wrote (files) and made for later exporters (charts, trends, warnings).</summary>
public sealed record ExportResult
{
    public static ExportResult None { get; } = new();

    public IReadOnlyList<string> Files { get; init; } = [];

    public IReadOnlyList<string> Charts { get; init; } = [];

    public IReadOnlyList<string> Trends { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];
}
