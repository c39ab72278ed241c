namespace IsolationBench.Benchmarks.Guest;

/// <summary>
/// How a benchmark's result is reported. BenchmarkDotNet measures nanoseconds per operation (one operation =
/// one unit of OperationsPerInvoke); the converter turns that into this unit using <see cref="BytesPerOp"/>.
/// Written to isobench-units.json so the harness never needs this assembly.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ReportedUnitAttribute(string unit, Better better) : Attribute
{
    public string Unit { get; } = unit;

    /// <summary>Which way is better, declared rather than guessed from the unit (isobench-units.json "direction").</summary>
    public Better Better { get; } = better;

    /// <summary>Bytes moved by one operation (MB/s only).</summary>
    public long BytesPerOp { get; init; }

    /// <summary>Operations per benchmark invocation, as given to BenchmarkDotNet (already divided out).</summary>
    public int OpsPerInvoke { get; init; } = 1;

    /// <summary>What the page cache did (or could not do) for this benchmark, for the report.</summary>
    public string CacheNote { get; init; } = string.Empty;
}

/// <summary>Which way is better for a reported value: lower (times per operation) or higher (rates).</summary>
public enum Better
{
    Lower,
    Higher,
}

/// <summary>A benchmark that needs Linux system calls; filtered out elsewhere rather than failing.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class LinuxOnlyAttribute : Attribute;
