namespace IsolationBench.Harness.Cages;

/// <summary>A readiness strategy got an answer that is not readiness; the message is the cell's failure, in one line.</summary>
public sealed class CageNotReadyException : Exception
{
    public CageNotReadyException()
    {
    }

    public CageNotReadyException(string message)
        : base(message)
    {
    }

    public CageNotReadyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
