namespace IsolationBench.Fingerprint.Tests;

public sealed class FingerprintJsonTests
{
    [Fact]
    public void Round_trips_as_one_snake_case_line()
    {
        using var tree = FakeProcTree.Host().With("/.dockerenv", string.Empty);
        var fp = LinuxFingerprint.Collect(tree.View);

        var json = FingerprintJson.Serialize(fp);
        var back = FingerprintJson.Parse(json);

        Assert.DoesNotContain('\n', json);
        Assert.Contains("\"kernel_version\":\"6.1.0-18-amd64\"", json, StringComparison.Ordinal);
        Assert.Contains("\"is_gvisor\":false", json, StringComparison.Ordinal);
        Assert.Equal(fp.KernelVersion, back.KernelVersion);
        Assert.Equal(fp.ContainerEvidence, back.ContainerEvidence);
        Assert.Equal(fp.BootTimeUnixSeconds, back.BootTimeUnixSeconds);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("null")]
    [InlineData("{\"os\":\"linux\"}")]
    public void Bad_input_is_a_format_error(string json)
    {
        Assert.Throws<FormatException>(() => FingerprintJson.Parse(json));
    }
}
