using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IsolationBench.Cli.Tests;

/// <summary>
/// docs/cli.md, generated from the real help of isobench: the root's `--help`, then `COMMAND --help` for every command
/// the root's help lists, from the built isobench (as printed into a pipe, <see cref="IsobenchCli.FixedHelpWidth"/> columns). <see cref="DocsCliReferenceTests"/>
/// fails when the file differs; <see cref="ApproveVariable"/>=1 rewrites it (never under CI=true).
/// </summary>
internal static partial class CliReference
{
    public const string RelativePath = "docs/cli.md";

    public const string ApproveVariable = "ISOBENCH_APPROVE";

    /// <summary>Runs every command's help through the real CLI and renders the page.</summary>
    public static async Task<string> GenerateAsync()
    {
        var root = await HelpAsync("--help").ConfigureAwait(false);
        var helps = new List<(string Invocation, string Help)> { ("isobench --help", root) };
        foreach (var command in CommandNames(root))
        {
            helps.Add(($"isobench {command} --help", await HelpAsync(command, "--help").ConfigureAwait(false)));
        }

        return Render(helps);
    }

    /// <summary>The command names under "Commands:" in the root's help (two spaces, the name, then its arguments).</summary>
    public static IReadOnlyList<string> CommandNames(string rootHelp)
    {
        ArgumentNullException.ThrowIfNull(rootHelp);
        var lines = Normalise(rootHelp).Split('\n');
        var start = Array.IndexOf(lines, "Commands:");
        if (start < 0)
        {
            throw new InvalidOperationException("isobench --help lists no \"Commands:\"");
        }

        return [.. lines.Skip(start + 1).Select(l => CommandLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value)];
    }

    /// <summary>The page: a header saying how it is made and kept, an index, then one section per command.</summary>
    public static string Render(IReadOnlyList<(string Invocation, string Help)> helps)
    {
        ArgumentNullException.ThrowIfNull(helps);
        var page = new StringBuilder();
        page.Append("# isobench command reference\n\n");
        page.Append("<!-- Generated: do not edit by hand. -->\n");
        page.Append("Generated from the real help of every command (`isobench --help`, then `isobench COMMAND --help`, as printed\n");
        page.Append(CultureInfo.InvariantCulture, $"into a pipe: {IsobenchCli.FixedHelpWidth} columns) by `tests/IsolationBench.Cli.Tests/CliReference.cs`. The test\n");
        page.Append("`DocsCliReferenceTests` fails whenever this page differs from the help. After changing a command or an option,\n");
        page.Append("regenerate it and commit the result:\n\n");
        page.Append("```sh\n");
        page.Append(CultureInfo.InvariantCulture, $"{ApproveVariable}=1 dotnet test tests/IsolationBench.Cli.Tests --filter \"FullyQualifiedName~DocsCliReference\"\n");
        page.Append("```\n\n");
        page.Append(CultureInfo.InvariantCulture, $"({ApproveVariable}=1 is ignored under `CI=true`: CI only compares.) What each command is for, with examples: the\n");
        page.Append("[README's commands table](../README.md#commands) and [usage.md](usage.md).\n\n");
        page.Append(string.Join(" · ", helps.Select(h => $"[`{Title(h.Invocation)}`](#{Anchor(Title(h.Invocation))})")));
        page.Append('\n');
        foreach (var (invocation, help) in helps)
        {
            page.Append(CultureInfo.InvariantCulture, $"\n## {Title(invocation)}\n\n`{invocation}`\n\n```text\n");
            page.Append(string.Join('\n', Normalise(help).TrimEnd('\n').Split('\n').Select(l => l.TrimEnd())));
            page.Append("\n```\n");
        }

        return page.ToString();
    }

    /// <summary>Line endings as \n, so a checkout with CRLF compares equal.</summary>
    public static string Normalise(string text) => (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>True when the developer asked to rewrite docs/cli.md; never under CI.</summary>
    public static bool ApproveRequested =>
        Environment.GetEnvironmentVariable(ApproveVariable) == "1"
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string Title(string invocation) => invocation.Replace(" --help", string.Empty, StringComparison.Ordinal);

    private static string Anchor(string heading) => heading.Replace(' ', '-');

    /// <summary>
    /// The help as a user sees it: the built isobench run as its own process with output to a pipe (in-process the
    /// usage line would name the test host instead of isobench).
    /// </summary>
    private static async Task<string> HelpAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = CliRunner.RepositoryRoot,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "isobench.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start isobench");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0 || string.IsNullOrWhiteSpace(await output.ConfigureAwait(false)))
        {
            throw new InvalidOperationException($"isobench {string.Join(' ', args)} exited {process.ExitCode}: {await error.ConfigureAwait(false)}");
        }

        return await output.ConfigureAwait(false);
    }

    [GeneratedRegex(@"^  ([a-z][a-z0-9-]*)(?:\s|$)")]
    private static partial Regex CommandLine();
}
