using IsolationBench.Harness.EngineBench;

namespace IsolationBench.Harness.Tests.Unit;

public sealed class EngineBenchLauncherTests
{
    [Theory]
    [InlineData("// Benchmark: LifecycleBenchmarks.host: lifecycle(OutlierMode=DontRemove, Toolchain=InProcessEmitToolchain, IterationCount=20)", "host")]
    [InlineData("// Benchmark: LifecycleBenchmarks.Container: lifecycle(OutlierMode=DontRemove, RunStrategy=Monitoring, WarmupCount=3) [mode=crun]", "crun")]
    [InlineData("// Benchmark: LifecycleBenchmarks.Container: lifecycle(UnrollFactor=1) [mode=hyperv]", "hyperv")]
    [InlineData("// ** Remained 2 (66.7 %) benchmark(s) to run. Estimated finish 2026-11-29 13:35 (0h 0m from now) **", null)]
    [InlineData("WorkloadActual   3: 1 op, 214000000.00 ns, 214.0000 ms/op", null)]
    public void A_benchmark_case_line_names_the_mode_it_measures(string line, string? mode) =>
        Assert.Equal(mode, EngineBenchLauncher.CaseStarted(line));

    [Fact]
    public void The_child_gets_the_matrix_modes_iterations_and_engine()
    {
        var request = new EngineBenchRequest("r1", ["host", "runc"], "isolationbench/probe:0.1.0-linux", "/p/probe", "/out", 20, 3, "unix:///x.sock", InsecureEngine: true);

        var args = EngineBenchLauncher.Arguments(request, "/out/engine-bench");

        Assert.Equal(
            ["--modes", "host,runc", "--probe-image", "isolationbench/probe:0.1.0-linux", "--probe-binary", "/p/probe", "--artifacts", "/out/engine-bench",
             "--run-id", "r1", "--iterations", "20", "--warmup", "3", "--engine", "unix:///x.sock", "--insecure-engine"],
            args);
    }

    [Fact]
    public void The_child_gets_the_explicit_tls_files_after_the_engine()
    {
        var request = new EngineBenchRequest("r1", ["runc"], "img", "/p/probe", "/out", 20, 3, "tcp://10.0.0.9:2376", InsecureEngine: false)
        {
            TlsArguments = new Engine.EngineTlsSettings("/c/ca.pem", null, "/c/key.pem", null, null, "/home/u", DateTimeOffset.UnixEpoch).ToArguments(),
        };

        var args = EngineBenchLauncher.Arguments(request, "/out/engine-bench");

        Assert.Equal(["--engine", "tcp://10.0.0.9:2376", "--tls-ca", "/c/ca.pem", "--tls-key", "/c/key.pem"], args.Skip(14));
    }
}
