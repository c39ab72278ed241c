using Spectre.Console;

namespace IsolationBench.Cli.Output;

/// <summary>
/// The one place that decides between live, coloured output (Spectre.Console) and the plain lines that CI logs and
/// scripts read: plain when output is redirected, under CI, with NO_COLOR set (no-color.org), or on TERM=dumb.
/// </summary>
internal static class Terminal
{
    public static bool IsRich(bool outputRedirected, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return !outputRedirected
            && string.IsNullOrEmpty(environment("NO_COLOR"))
            && string.IsNullOrEmpty(environment("CI"))
            && !string.Equals(environment("TERM"), "dumb", StringComparison.Ordinal);
    }

    /// <summary>
    /// A Spectre.Console console that writes to <paramref name="output"/>: live updates always (<see cref="IsRich"/> has
    /// decided this is a terminal), ANSI and colours as far as the terminal supports them.
    /// </summary>
    public static IAnsiConsole Console(TextWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Yes,
    });
}
