using IsolationBench.Harness.Lifecycle;
using IsolationBench.Fingerprint;

namespace IsolationBench.Harness.Tests.Unit;

public sealed class ProbeOutputTests
{
    private static readonly string Fingerprint = FingerprintJson.Serialize(FingerprintCollector.Collect());

    [Fact]
    public void Ready_fingerprint_and_done_lines_parse()
    {
        var (fingerprint, problem) = ProbeOutput.Parse($"ISOBENCH-READY\n{Fingerprint}\nISOBENCH-DONE\n");

        Assert.Null(problem);
        Assert.NotNull(fingerprint);
    }

    [Fact]
    public void A_probe_without_the_done_line_still_parses()
    {
        Assert.Null(ProbeOutput.Parse($"ISOBENCH-READY\n{Fingerprint}\n").Problem);
    }

    [Fact]
    public void A_wrong_third_line_is_named()
    {
        Assert.Equal("the probe's third line was not ISOBENCH-DONE", ProbeOutput.Parse($"ISOBENCH-READY\n{Fingerprint}\nsomething else\n").Problem);
    }

    [Theory]
    [InlineData("ISOBENCH-DONE fingerprint_us=2345", 2.345)]
    [InlineData("ISOBENCH-DONE", null)]
    [InlineData("ISOBENCH-DONE fingerprint_us=-3", null)]
    [InlineData("ISOBENCH-DONE fingerprint_us=", null)]
    public void The_done_line_may_carry_the_probes_own_fingerprint_time(string done, double? expected)
    {
        var stdout = $"ISOBENCH-READY\n{Fingerprint}\n{done}\n";

        Assert.Null(ProbeOutput.Parse(stdout).Problem);
        Assert.Equal(expected, ProbeOutput.FingerprintMilliseconds(stdout));
    }
}
