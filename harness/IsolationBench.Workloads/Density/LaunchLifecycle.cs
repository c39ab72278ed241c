using IsolationBench.Harness;
namespace IsolationBench.Workloads.Density;

/// <summary>
/// One create → ready → remove lifecycle of a launch batch, its times in milliseconds since the batch began (one clock
/// for the whole batch): create called (host: spawn), the ready line read, removal returned.
/// </summary>
public sealed record LaunchLifecycle(string Source, double CreatedMs, double ReadyMs, double RemovedMs);
