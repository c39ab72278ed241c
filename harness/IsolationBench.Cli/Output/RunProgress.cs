using IsolationBench.Harness.Matrix;

namespace IsolationBench.Cli.Output;

/// <summary>What `isobench run` shows while the matrix runs: live bars on a terminal (<see cref="LiveProgress"/>), plain lines elsewhere (<see cref="ProgressPrinter"/>).</summary>
internal interface IRunProgress : IProgress<MatrixProgress>, IDisposable
{
    /// <summary>A line of its own (a phase of the run starting, a note), never mixed into the progress.</summary>
    void Message(string text);

    /// <summary>Shows progress while <paramref name="work"/> runs, and closes it when it ends.</summary>
    Task<T> RunAsync<T>(Func<Task<T>> work);
}

internal static class RunProgress
{
    /// <summary>Live on a rich terminal, plain lines otherwise (<see cref="Terminal.IsRich"/> decided which).</summary>
    public static IRunProgress For(TextWriter output, bool rich) =>
        rich ? new LiveProgress(Terminal.Console(output)) : new ProgressPrinter(output);
}
