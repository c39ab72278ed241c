namespace IsolationBench.Results;

/// <summary>A results file that cannot be read; the message names the file and line, for a one-line user error.</summary>
public sealed class ResultsFormatException : Exception
{
    public ResultsFormatException(string path, long line, string problem, Exception? inner = null)
        : base(FormattableString.Invariant($"{path}:{line}: {problem}"), inner)
    {
        FilePath = path;
        Line = line;
    }

    public string FilePath { get; }

    public long Line { get; }
}
