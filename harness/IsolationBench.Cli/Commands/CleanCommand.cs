using System.Globalization;
using IsolationBench.Cli.CommandLine;
using IsolationBench.Harness;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Cli.Commands;

internal sealed class CleanCommand : ICommand
{
    public CommandSpec Spec { get; } = new(
        "clean",
        "remove every container left behind by isobench (by label)",
        [
            new("--run-id", false, "only this run's containers") { ValueName = "ID" },
            new("--engine", false, "engine endpoint (default: DOCKER_HOST or the platform's socket/pipe)") { ValueName = "URI" },
            new("--insecure-engine", true, "allow a plain-TCP engine endpoint"),
            .. EngineTlsOptions.Specs,
        ],
        0,
        0,
        "isobench clean [--run-id ID]");

    public async Task<int> ExecuteAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        await using var preflight = await Preflight.RunAsync(args.String("--engine"), args.Has("--insecure-engine"), engineRequired: true, cancellationToken, tls: EngineTlsOptions.From(args)).ConfigureAwait(false);
        var removed = await new ContainerJanitor(preflight.Engine!).SweepAsync(args.String("--run-id"), includeLiveOwners: true, cancellationToken).ConfigureAwait(false);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"removed {removed} isobench container(s)"));
        return ExitCodes.Ok;
    }
}
