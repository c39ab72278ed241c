namespace IsolationBench.Harness.Engine;

/// <summary>The engine cannot be reached or refused a call; the message is one line that says what to do.</summary>
public sealed class EngineUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The engine answered but refused a request (bad runtime, bad isolation, missing image…).</summary>
public sealed class EngineRequestException(string message, int statusCode, Exception? inner = null) : Exception(message, inner)
{
    public int StatusCode { get; } = statusCode;
}
