using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Analysers;

/// <summary>What an analyser may read: the analysis, the run directory (its io and engine-event files) and every sample read, excluded modes included.</summary>
public sealed record AnalyserInput(RunAnalysis Analysis, string RunPath, IReadOnlyList<Sample> AllSamples);
