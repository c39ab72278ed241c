using IsolationBench.Workloads.Startup.RuntimeDirect;

namespace IsolationBench.Harness.Tests.Unit.RuntimeDirect;

public sealed class RuntimeDirectSupportTests
{
    [Fact]
    public void Linux_as_root_with_a_linux_engine_is_supported() => Assert.Null(RuntimeDirectSupport.Refusal(true, true, "linux"));

    [Theory]
    [InlineData(false, true, "windows", "Linux only")]
    [InlineData(true, true, "windows", "needs a Linux engine")]
    [InlineData(true, false, "linux", "needs root")]
    public void Elsewhere_it_refuses_with_a_one_line_reason(bool linux, bool root, string engineOs, string reason)
    {
        var refusal = RuntimeDirectSupport.Refusal(linux, root, engineOs);

        Assert.NotNull(refusal);
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal);
    }
}
