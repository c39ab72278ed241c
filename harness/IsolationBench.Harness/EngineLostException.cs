namespace IsolationBench.Harness;

/// <summary>The engine stopped answering mid-run: what was measured is kept; the message says how to resume.</summary>
public sealed class EngineLostException(string message, Exception inner) : Exception(message, inner);
