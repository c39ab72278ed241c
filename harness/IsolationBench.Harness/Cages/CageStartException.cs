namespace IsolationBench.Harness.Cages;

/// <summary>A host process could not be spawned at all; the message ("cannot start X: why") is the cell's failure.</summary>
public sealed class CageStartException : Exception
{
    public CageStartException()
    {
    }

    public CageStartException(string message)
        : base(message)
    {
    }

    public CageStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
