namespace IsolationBench.Harness.Cages;

/// <summary>One stdout line of a cage (without its line ending), its 1-based number and its arrival on the harness's Stopwatch clock.</summary>
public readonly record struct OutputLine(string Text, int Number, long Arrived);
