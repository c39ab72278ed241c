using IsolationBench.Harness.Hosting;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Windows;

/// <summary>
/// Defender's state as PowerShellHostQueries' command prints it. The outputs below are hand-made recordings in the
/// documented format (MSFT_MpComputerStatus.RealTimeProtectionEnabled, MSFT_MpPreference.ExclusionPath as an array,
/// through ConvertTo-Json -Compress), not captures from a host: no Windows machine exists where this is built.
/// </summary>
public sealed class DefenderFactsTests
{
    private const string DataRoot = @"C:\ProgramData\docker";

    [Fact]
    public void Real_time_on_with_the_data_root_excluded()
    {
        const string output = """{"RealTimeProtectionEnabled":true,"ExclusionPath":["C:\\ProgramData\\docker","D:\\build"]}""";

        Assert.Equal(new DefenderState(true, true), DefenderFacts.Parse(output, DataRoot));
    }

    [Fact]
    public void A_parent_directory_exclusion_covers_the_data_root_case_insensitively_and_a_sibling_does_not()
    {
        Assert.True(DefenderFacts.Covers([@"c:\programdata\"], DataRoot));
        Assert.False(DefenderFacts.Covers([@"C:\ProgramData\docker-old", @"C:\Program"], DataRoot));
    }

    [Fact]
    public void Real_time_on_and_no_exclusions_at_all_is_not_excluded()
    {
        // @($null) | ConvertTo-Json prints [null] when Get-MpPreference has no ExclusionPath.
        Assert.Equal(new DefenderState(true, false), DefenderFacts.Parse("""{"RealTimeProtectionEnabled":true,"ExclusionPath":[null]}""", DataRoot));
    }

    [Fact]
    public void Exclusions_hidden_from_a_non_elevated_user_are_unknown_not_false()
    {
        const string output = """{"RealTimeProtectionEnabled":false,"ExclusionPath":["N/A: Must be an administrator to view exclusions"]}""";

        Assert.Equal(new DefenderState(false, null), DefenderFacts.Parse(output, DataRoot));
    }

    [Fact]
    public void An_exclusion_defender_expands_and_we_cannot_is_unknown_not_false() =>
        Assert.Null(DefenderFacts.Covers([@"%ProgramData%\docker"], DataRoot));

    [Fact]
    public void No_data_root_leaves_the_exclusion_unknown() =>
        Assert.Equal(new DefenderState(true, null), DefenderFacts.Parse("""{"RealTimeProtectionEnabled":true,"ExclusionPath":["C:\\ProgramData\\docker"]}""", dataRoot: null));

    [Theory]
    [InlineData("")]
    [InlineData("Get-MpComputerStatus : The term 'Get-MpComputerStatus' is not recognized")]
    [InlineData("""{"ExclusionPath":[]}""")]
    public void Output_that_is_not_the_documented_object_is_no_defender_state(string output) =>
        Assert.Null(DefenderFacts.Parse(output, DataRoot));

    [Theory]
    [InlineData("True\r\n", true)]
    [InlineData("False\r\n", false)]
    [InlineData("", null)]
    public void Cim_booleans_as_powershell_prints_them(string output, bool? expected) =>
        Assert.Equal(expected, DefenderFacts.ParseBoolean(output));
}
