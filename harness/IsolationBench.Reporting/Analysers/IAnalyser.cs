namespace IsolationBench.Reporting.Analysers;

/// <summary>
/// Reads a run's analysis (and the run directory's facts it needs) and concludes: warnings, refusals, design checks,
/// referee findings. Pure apart from reading the run directory; what it concludes is applied once, to every output
/// (<see cref="JudgedAnalysis"/>).
/// </summary>
public interface IAnalyser
{
    Conclusions Analyse(AnalyserInput input);
}
