using System.Diagnostics;
using System.Globalization;

namespace IsolationBench.Harness.Engine;

/// <summary>
/// Removes containers the suite left behind (a killed harness, a crashed runtime). Containers of a run whose
/// owning harness is still alive on this host are left alone, so two runs on one engine do not fight.
/// </summary>
public sealed class ContainerJanitor(IContainerEngine engine)
{
    private static readonly string[] OwnerNames = ["isobench", "IsolationBench", "dotnet", "testhost"];

    /// <summary>Removes leftovers of earlier runs (or of <paramref name="runId"/> only); returns how many.</summary>
    public async Task<int> SweepAsync(string? runId, bool includeLiveOwners, CancellationToken cancellationToken)
    {
        var containers = await engine.ListContainersAsync(Labels.Run, runId, cancellationToken).ConfigureAwait(false);
        var removed = 0;
        foreach (var c in containers)
        {
            if (!includeLiveOwners && OwnerAlive(c.Labels))
            {
                continue;
            }

            await engine.KillAsync(c.Id, cancellationToken).ConfigureAwait(false);
            await engine.RemoveAsync(c.Id, cancellationToken).ConfigureAwait(false);
            removed++;
        }

        return removed;
    }

    private static bool OwnerAlive(IReadOnlyDictionary<string, string> labels)
    {
        if (!labels.TryGetValue(Labels.OwnerHost, out var host) || host != Environment.MachineName
            || !labels.TryGetValue(Labels.OwnerPid, out var pidText)
            || !int.TryParse(pidText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var p = Process.GetProcessById(pid);
            // A recycled pid belongs to some other program: only a live harness (or its test host) counts.
            return !p.HasExited && OwnerNames.Any(n => p.ProcessName.Contains(n, StringComparison.OrdinalIgnoreCase));
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
