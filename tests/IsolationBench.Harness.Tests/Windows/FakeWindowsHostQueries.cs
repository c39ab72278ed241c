using IsolationBench.Harness.Hosting;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Windows;

/// <summary>Fixed answers for the Windows-only host facts, and the data root the harness asked Defender about.</summary>
internal sealed class FakeWindowsHostQueries(bool? hypervisorPresent, DefenderState? defender = null) : IWindowsHostQueries
{
    public int HypervisorQuestions { get; private set; }

    public List<string?> DefenderDataRoots { get; } = [];

    public Task<bool?> HypervisorPresentAsync(CancellationToken cancellationToken)
    {
        HypervisorQuestions++;
        return Task.FromResult(hypervisorPresent);
    }

    public Task<DefenderState?> DefenderAsync(string? dataRoot, CancellationToken cancellationToken)
    {
        DefenderDataRoots.Add(dataRoot);
        return Task.FromResult(defender);
    }
}
