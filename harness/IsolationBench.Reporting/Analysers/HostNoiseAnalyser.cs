using IsolationBench.Reporting.Output;

namespace IsolationBench.Reporting.Analysers;

/// <summary>The CPU control's ratios outside [0.95, 1.05]: the host was noisy (<see cref="CpuControl"/>).</summary>
public sealed class HostNoiseAnalyser : IAnalyser
{
    public Conclusions Analyse(AnalyserInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new Conclusions { Warnings = CpuControl.Warnings(input.Analysis) };
    }
}
