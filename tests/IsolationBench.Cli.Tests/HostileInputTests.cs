namespace IsolationBench.Cli.Tests;

/// <summary>
/// Bad input of every kind: each gives exactly one line on stderr naming the problem, exit code 2, and nothing
/// existing is overwritten. None of these needs a container engine.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("isobench-cli-").FullName;

    public static TheoryData<string[], string> RunArguments => new()
    {
        { ["run", "--modes", "host,host"], "isobench: --modes names 'host' twice: list each once" },
        { ["run", "--modes", ""], "isobench: --modes has an empty entry in ''" },
        { ["run", "--modes", "host,,runc"], "isobench: --modes has an empty entry in 'host,,runc'" },
        { ["run", "--samples", "-1"], "isobench: --samples -1 is out of range: give 1 to 10000" },
        { ["run", "--samples", "0"], "isobench: --samples 0 is out of range" },
        { ["run", "--samples", "99999999"], "isobench: --samples 99999999 is out of range" },
        { ["run", "--samples", "abc"], "isobench: --samples 'abc' is not a whole number" },
        { ["run", "--samples", "2,5"], "isobench: --samples '2,5' is not a whole number" },
        { ["run", "--warmup", "-5"], "isobench: --warmup -5 is out of range" },
        { ["run", "--profile", "turbo"], "isobench: unknown profile 'turbo': choose from quick, default, thorough" },
        { ["run", "--modes", "host", "--workloads", "gpu"], "isobench: unknown workload 'gpu': choose from startup, startup-runtime, syscall, io, cpu, memory, network" },
        { ["run", "--modes", "host", "--workloads", ""], "isobench: --workloads has an empty entry" },
        { ["run", "--sample", "3"], "isobench: unknown option --sample for 'run': valid options are --modes, " },
        { ["run", "--samples", "3", "--samples", "4"], "isobench: --samples is given twice: give it once" },
        { ["run", "--samples"], "isobench: --samples needs a value: " },
        { ["run", "--run-id", "a/b"], "isobench: --run-id 'a/b' is not a valid folder name" },
        { ["run", "extra"], "isobench: 'run' takes no positional arguments: " },
        { ["run", "--engine", "garbage"], "isobench: engine endpoint 'garbage' (--engine) is not valid" },
        { ["run", "--engine", "tcp://192.0.2.1:2375"], "isobench: engine endpoint 'tcp://192.0.2.1:2375' (--engine) is plain TCP" },
        { ["run", "--engine", "tcp://192.0.2.1:2376", "--tls-ca", "/nonexistent/ca.pem"], "isobench: TLS CA certificate '/nonexistent/ca.pem' (--tls-ca) does not exist" },
        { ["doctor", "--engine", "unix:///var/run/docker.sock", "--tls-cert", "/x/cert.pem"], "isobench: --tls-ca/--tls-cert/--tls-key apply to a tcp:// engine, not to 'unix:///var/run/docker.sock' (--engine)" },
        { ["frobnicate"], "isobench: unknown command 'frobnicate': choose from run, report, publish, compare, doctor, clean, whereami" },
        { ["report"], "isobench: 'report' takes 1 to 16 arguments: " },
        { ["whereami", "--json=yes"], "isobench: --json takes no value" },
    };

    [Theory]
    [MemberData(nameof(RunArguments))]
    public async Task Bad_arguments_give_one_line_and_exit_2(string[] args, string message)
    {
        var (exit, _, err) = await CliRunner.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.StartsWith(message, err, StringComparison.Ordinal);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task An_output_path_that_is_a_file_is_refused_and_left_alone()
    {
        var file = Path.Combine(_dir, "results");
        await File.WriteAllTextAsync(file, "precious");

        var (exit, _, err) = await CliRunner.RunAsync("run", "--modes", "host", "--output", file);

        Assert.Equal(2, exit);
        Assert.Contains("is a file: give a directory", err, StringComparison.Ordinal);
        Assert.Equal("precious", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task An_existing_run_directory_is_never_overwritten()
    {
        var run = Directory.CreateDirectory(Path.Combine(_dir, "r1")).FullName;
        await File.WriteAllTextAsync(Path.Combine(run, "samples.csv"), "precious");

        var (exit, _, err) = await CliRunner.RunAsync("run", "--modes", "host", "--output", _dir, "--run-id", "r1");

        Assert.Equal(2, exit);
        Assert.Contains("already exists and is not empty", err, StringComparison.Ordinal);
        Assert.Equal("precious", await File.ReadAllTextAsync(Path.Combine(run, "samples.csv")));
    }

    [Fact]
    public async Task An_output_folder_that_cannot_be_written_is_refused()
    {
        // A folder below a regular file cannot be made on any OS (a /proc path is writable as C:\proc on Windows).
        var file = Path.Combine(_dir, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        var (exit, _, err) = await CliRunner.RunAsync("run", "--modes", "host", "--output", Path.Combine(file, "below"));

        Assert.Equal(2, exit);
        Assert.Contains("choose a writable --output", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_of_a_missing_directory_says_what_to_give()
    {
        var (exit, _, err) = await CliRunner.RunAsync("report", Path.Combine(_dir, "nope"));

        Assert.Equal(2, exit);
        Assert.Contains("does not exist: give a folder written by isobench run", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run_id,round,mode,workload,metric,unit,value,status\nr,1,host,startup,total,ms,1.5,ok\nr,1,runc,startup,total,ms,zz,ok\n", ":3:")]
    [InlineData("run_id,round,mode,workload,metric,unit,value,status\nr,1,host,startup,total,ms,1.5,ok\nr,1,ru", ":3:")]
    [InlineData("run_id,round\n", ":1:")]
    public async Task Report_of_a_corrupt_samples_file_names_file_and_line(string content, string line)
    {
        var run = FakeRun.Write(_dir, content);

        var (exit, _, err) = await CliRunner.RunAsync("report", run);

        Assert.Equal(2, exit);
        Assert.Contains(Path.Combine(run, "samples.csv") + line, err, StringComparison.Ordinal);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Report_of_a_corrupt_manifest_names_the_file()
    {
        var run = FakeRun.Write(_dir, FakeRun.GoodSamples);
        await File.WriteAllTextAsync(Path.Combine(run, "manifest.json"), "{\"schema\": 1, \"run_id\": ");

        var (exit, _, err) = await CliRunner.RunAsync("report", run);

        Assert.Equal(2, exit);
        Assert.Contains("manifest.json", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_with_a_baseline_that_is_not_in_the_run_names_the_modes_present()
    {
        var run = FakeRun.Write(_dir, FakeRun.GoodSamples);

        var (exit, _, err) = await CliRunner.RunAsync("report", run, "--baseline", "hyperv");

        Assert.Equal(2, exit);
        Assert.Contains("hyperv", err, StringComparison.Ordinal);
        Assert.Contains("host, runc", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_into_a_file_is_refused()
    {
        var run = FakeRun.Write(_dir, FakeRun.GoodSamples);
        var file = Path.Combine(_dir, "docs");
        await File.WriteAllTextAsync(file, "precious");

        var (exit, _, err) = await CliRunner.RunAsync("publish", run, file);

        Assert.Equal(2, exit);
        Assert.Contains("is a file", err, StringComparison.Ordinal);
        Assert.Equal("precious", await File.ReadAllTextAsync(file));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
