using IsolationBench.Harness.Hosting;

namespace IsolationBench.Harness.Tests.Unit;

public sealed class PowerPlanTests
{
    [Theory]
    [InlineData("Power Scheme GUID: 381b4222-f694-41f0-9685-ff5bb260df2e  (Balanced)\r\n", "Balanced (381b4222-f694-41f0-9685-ff5bb260df2e)")]
    [InlineData("Power Scheme GUID: 8C5E7FDA-E8BF-4A96-9A85-A6E23A8C635C  (High performance)", "High performance (8c5e7fda-e8bf-4a96-9a85-a6e23a8c635c)")]
    [InlineData("GUID des Energieschemas: 381b4222-f694-41f0-9685-ff5bb260df2e  (Ausbalanciert)\r\n", "Ausbalanciert (381b4222-f694-41f0-9685-ff5bb260df2e)")]
    [InlineData("Power Scheme GUID: e9a42b02-d5df-448d-aa00-03f14749eb61  (Ultimate Performance (custom))", "Ultimate Performance (custom) (e9a42b02-d5df-448d-aa00-03f14749eb61)")]
    [InlineData("Power Scheme GUID: a1841308-3541-4fab-bc81-f71556f20b4a", "a1841308-3541-4fab-bc81-f71556f20b4a")]
    public void The_active_scheme_is_read_by_its_guid_and_name_whatever_the_language(string output, string expected) =>
        Assert.Equal(expected, PowerPlan.ParseActiveScheme(output));

    [Theory]
    [InlineData("")]
    [InlineData("Access denied.")]
    [InlineData("The system cannot find the file specified.\r\n")]
    public void Output_without_a_scheme_guid_is_not_a_plan(string output) =>
        Assert.Null(PowerPlan.ParseActiveScheme(output));

    [Theory]
    [InlineData("performance\n", "cpufreq governor performance")]
    [InlineData("powersave", "cpufreq governor powersave")]
    [InlineData("  \n", PowerPlan.NotAvailable)]
    [InlineData(null, PowerPlan.NotAvailable)]
    public void The_linux_governor_is_named_or_not_available(string? content, string expected) =>
        Assert.Equal(expected, PowerPlan.DescribeGovernor(content));

    [Fact]
    public async Task This_host_reports_a_plan_or_not_available()
    {
        var plan = await PowerPlan.ReadAsync(CancellationToken.None);

        Assert.True(plan == PowerPlan.NotAvailable || plan.StartsWith("cpufreq governor ", StringComparison.Ordinal) || plan.Contains('(', StringComparison.Ordinal), plan);
    }
}
