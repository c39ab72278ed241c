using System.Globalization;

namespace IsolationBench.Harness.Hosting;

/// <summary>
/// Whether the measuring process itself re-JITs on a background thread (tiered compilation) while it times
/// containers. isobench and isobench-engine-bench ship with it off (see IsolationBench.Cli.csproj for the figures);
/// an environment variable can turn it back on, and the run then says so instead of quietly measuring slower.
/// </summary>
public static class MeasuringProcess
{
    public const string ConfigProperty = "System.Runtime.TieredCompilation";

    /// <summary>The runtime's precedence: DOTNET_ over COMPlus_ environment variables over runtimeconfig.json; on by default.</summary>
    public static bool TieredCompilation(Func<string, string?> environment, string? runtimeConfigValue)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var name in (string[])["DOTNET_TieredCompilation", "COMPlus_TieredCompilation"])
        {
            // The runtime reads these as hexadecimal DWORDs: "0" off, anything else on.
            if (environment(name) is { Length: > 0 } raw && uint.TryParse(raw, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
            {
                return value != 0;
            }
        }

        return !bool.TryParse(runtimeConfigValue, out var configured) || configured;
    }

    public static bool TieredCompilationNow =>
        TieredCompilation(Environment.GetEnvironmentVariable, AppContext.GetData(ConfigProperty) as string);

    /// <summary>A note for the manifest and the console when the measuring process re-JITs while it measures, else null.</summary>
    public static string? Warning(bool tieredCompilation) => tieredCompilation
        ? "isobench ran with tiered compilation on (DOTNET_TieredCompilation): its background re-JIT competes with the containers it times, which inflated container lifecycles by ~15 % on a 2-core host; unset it for figures you compare."
        : null;
}
