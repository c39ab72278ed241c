namespace IsolationBench.Harness;

/// <summary>Bad input from the user: the CLI prints the one-line message and exits with code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
