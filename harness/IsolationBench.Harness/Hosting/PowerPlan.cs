using System.Text.RegularExpressions;

namespace IsolationBench.Harness.Hosting;

/// <summary>
/// The host's power setting for manifest.json. BenchmarkDotNet is told to leave the power plan alone
/// (PowerPlan.UserPowerPlan in every job), so every mode runs under the plan the user set; this records which.
/// Windows: `powercfg /getactivescheme`; Linux: cpu0's cpufreq governor; "n/a" where neither exists.
/// </summary>
public static partial class PowerPlan
{
    public const string NotAvailable = "n/a";

    private const string GovernorPath = "/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor";

    public static async Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                var (exitCode, stdout, _) = await ChildProcess.RunAsync("powercfg", ["/getactivescheme"], deadline.Token).ConfigureAwait(false);
                return exitCode == 0 ? ParseActiveScheme(stdout) ?? NotAvailable : NotAvailable;
            }
            catch (UsageException)
            {
                return NotAvailable; // no powercfg (Server Core without it, a trimmed image): the run goes on
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return NotAvailable;
            }
        }

        try
        {
            return File.Exists(GovernorPath) ? DescribeGovernor(await File.ReadAllTextAsync(GovernorPath, cancellationToken).ConfigureAwait(false)) : NotAvailable;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return NotAvailable;
        }
    }

    /// <summary>
    /// "Power Scheme GUID: 381b4222-f694-41f0-9685-ff5bb260df2e  (Balanced)" → "Balanced (381b4222-…)". The label
    /// before the GUID is localised, so only the GUID and the parenthesised name are read; null when there is no GUID.
    /// </summary>
    public static string? ParseActiveScheme(string powercfgOutput)
    {
        ArgumentNullException.ThrowIfNull(powercfgOutput);
        var match = Scheme().Match(powercfgOutput);
        if (!match.Success)
        {
            return null;
        }

        var guid = match.Groups["guid"].Value.ToLowerInvariant();
        var rest = match.Groups["rest"].Value.Trim();
        // The name is the rest of the line in one pair of parentheses; a user's plan name may hold parentheses itself.
        var name = rest.Length >= 2 && rest[0] == '(' && rest[^1] == ')' ? rest[1..^1].Trim() : string.Empty;
        return name.Length > 0 ? $"{name} ({guid})" : guid;
    }

    /// <summary>The cpufreq governor's file content ("powersave\n") → "cpufreq governor powersave".</summary>
    public static string DescribeGovernor(string? governor) =>
        string.IsNullOrWhiteSpace(governor) ? NotAvailable : "cpufreq governor " + governor.Trim();

    [GeneratedRegex(@"(?<guid>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?<rest>[^\r\n]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();
}
