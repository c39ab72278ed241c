namespace IsolationBench.Reporting.History;

/// <summary>What an append did: rows added, or nothing because the run id was already in the history (idempotent).</summary>
public sealed record HistoryAppendResult(string Path, string RunId, int RowsAppended, bool AlreadyPresent, int RowsInHistory)
{
    public string Describe() => AlreadyPresent
        ? FormattableString.Invariant($"history: run {RunId} is already in {Path}; not appended again ({RowsInHistory} rows)")
        : FormattableString.Invariant($"history: appended {RowsAppended} rows of run {RunId} to {Path} ({RowsInHistory} rows)");
}
