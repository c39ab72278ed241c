namespace IsolationBench.Reporting;

/// <summary>Base names of the charts (each written as .png and .svg), shared by the renderers and the report pages.</summary>
public static class ChartNames
{
    public const string Overview = "overview";

    public static string Overhead(string workload) => "overhead-" + Slug(workload);

    /// <summary>File-name-safe: a workload name comes from samples.csv and must not steer a path out of the report directory.</summary>
    public static string Slug(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new string(s.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
    }
}
