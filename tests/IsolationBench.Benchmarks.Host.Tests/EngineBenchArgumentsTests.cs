namespace IsolationBench.Benchmarks.Host.Tests;

public sealed class EngineBenchArgumentsTests
{
    [Fact]
    public void Parses_what_the_harness_passes()
    {
        var a = EngineBenchArguments.Parse(["--modes", "host,runc", "--probe-image", "img", "--probe-binary", "/p", "--artifacts", "/a", "--run-id", "r", "--iterations", "20", "--warmup", "3", "--smoke"]);

        Assert.Equal(("host,runc", "img", 20, 3, true), (a.Modes, a.ProbeImage, a.Iterations, a.Warmup, a.Smoke));
    }

    [Theory]
    [InlineData("--iterations", "0")]
    [InlineData("--warmup", "-1")]
    [InlineData("--iterations", "1e3")]
    public void Rejects_bad_counts_with_the_option_named(string option, string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => EngineBenchArguments.Parse(["--modes", "host", "--probe-image", "i", "--probe-binary", "p", "--artifacts", "a", "--run-id", "r", option, value]));

        Assert.StartsWith(option, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_a_missing_required_option()
    {
        var ex = Assert.Throws<ArgumentException>(() => EngineBenchArguments.Parse(["--modes", "host"]));

        Assert.StartsWith("--probe-image is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Takes_the_tls_files_the_harness_passes()
    {
        var a = EngineBenchArguments.Parse(["--modes", "runc", "--probe-image", "i", "--probe-binary", "p", "--artifacts", "a", "--run-id", "r",
            "--engine", "tcp://10.0.0.9:2376", "--tls-ca", "/c/ca.pem", "--tls-cert", "/c/cert.pem", "--tls-key", "/c/key.pem"]);

        Assert.Equal(("tcp://10.0.0.9:2376", "/c/ca.pem", "/c/cert.pem", "/c/key.pem"), (a.Engine, a.TlsCa, a.TlsCert, a.TlsKey));
    }
}
