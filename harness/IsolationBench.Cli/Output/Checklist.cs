using System.Text.RegularExpressions;
using Spectre.Console;

namespace IsolationBench.Cli.Output;

/// <summary>
/// doctor's lines: plain text as written, or on a rich terminal the same text with its marks in colour (✔ green,
/// ✘ red, · grey) and each heading word in bold, so a missing piece stands out.
/// </summary>
internal sealed partial class Checklist(TextWriter output, IAnsiConsole? console)
{
    public static Checklist For(Commands.CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Checklist(context.Out, context.Interactive ? Terminal.Console(context.Out) : null);
    }

    public void Line(string text)
    {
        if (console is null)
        {
            output.WriteLine(text);
            return;
        }

        console.MarkupLine(Colour(text));
    }

    internal static string Colour(string text)
    {
        var escaped = Markup.Escape(text);
        var marked = Mark().Replace(escaped, m => m.Value switch
        {
            "✔" => "[green]✔[/]",
            "✘" => "[red]✘[/]",
            _ => "[grey]·[/]",
        });
        return Heading().Replace(marked, m => $"[bold]{m.Value}[/]", 1);
    }

    [GeneratedRegex("(?<=^ *)[✔✘·](?= )|(?<= )[✔✘](?= )")]
    private static partial Regex Mark();

    [GeneratedRegex(@"^[a-z][a-z ]*?(?=( {2,}|:$))")]
    private static partial Regex Heading();
}
