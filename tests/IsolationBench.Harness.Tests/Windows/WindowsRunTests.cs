using System.Text.Json.Nodes;
using IsolationBench.Harness.Images;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Windows;

/// <summary>
/// A whole `isobench run` against each recorded Windows daemon: what the harness asks the engine for. The
/// fingerprints are the recorded Windows ones and the harness compares them with its own (this Linux test
/// host's), so these runs use AllowMismatch and the verdicts are expected to be mismatches; verification
/// against a Windows host fingerprint is proven separately (WindowsVerificationTests).
/// </summary>
public sealed class WindowsRunTests
{
    public static TheoryData<string, string> Hosts => new()
    {
        { RecordedWindowsHost.Server2022, "ltsc2022" },
        { RecordedWindowsHost.Server2025, "ltsc2025" },
        { RecordedWindowsHost.Windows11Of24H2, "ltsc2025" },
    };

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task A_run_asks_for_exactly_the_isolation_of_each_mode_with_no_linux_only_fields(string name, string expectedTag)
    {
        using var repo = new PrebuiltRepository();
        await using var engine = new FakeWindowsEngine(RecordedWindowsHost.Load(name));

        var summary = await Run(repo, engine, "process,hyperv");

        var creates = engine.Creates;
        Assert.Equal(2 * (2 + 1), creates.Count); // 2 modes × (2 samples + 1 warmup)
        var asked = creates.Select(c => HostConfig(c)["Isolation"]?.GetValue<string>()).ToList();
        Assert.Equal(3, asked.Count(i => i == "process"));
        Assert.Equal(3, asked.Count(i => i == "hyperv"));
        foreach (var create in creates)
        {
            var host = HostConfig(create);
            foreach (var linuxOnly in new[] { "Runtime", "CapDrop", "SecurityOpt", "PidsLimit" })
            {
                Assert.True(IsAbsent(host[linuxOnly]), $"{linuxOnly} was sent to a Windows engine: {host[linuxOnly]?.ToJsonString()}");
            }

            Assert.Equal("none", host["NetworkMode"]?.GetValue<string>());
            Assert.StartsWith("isolationbench/probe:", create.Body!["Image"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.EndsWith("-windows-" + expectedTag, create.Body!["Image"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var build = Assert.Single(engine.Requests, r => r.Route == "/build");
        Assert.Equal(expectedTag, JsonNode.Parse(build.Query["buildargs"])!["WINDOWS_TAG"]!.GetValue<string>());
        Assert.Contains("isobench-probe.exe", Assert.Single(engine.BuiltImages).Value);
        Assert.DoesNotContain("tmp/", Assert.Single(engine.BuiltImages).Value);
        Assert.Equal(0, engine.LiveContainers);

        var samples = SampleCsv.Read(summary.Directory.Samples);
        Assert.Equal(["hyperv", "process"], samples.Select(s => s.Mode).Distinct().Order(StringComparer.Ordinal));
        Assert.All(samples, s => Assert.True(s.IsOk, s.Status));
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Each_container_reports_the_isolation_it_was_given(string name, string expectedTag)
    {
        _ = expectedTag;
        using var repo = new PrebuiltRepository();
        var recorded = RecordedWindowsHost.Load(name);
        await using var engine = new FakeWindowsEngine(recorded);

        var summary = await Run(repo, engine, "process,hyperv");

        var records = summary.Directory.ReadFingerprints();
        Assert.Equal(6, records.Count);
        foreach (var r in records)
        {
            Assert.Equal("windows", r.Fingerprint!.Os);
            Assert.True(r.Fingerprint.InContainer);
            var expectedKernel = recorded.Fingerprints[r.Mode]!["kernel_version"]!.GetValue<string>();
            Assert.Equal(expectedKernel, r.Fingerprint.KernelVersion);
        }

        // The harness judges against its own fingerprint: this Linux test host, not the recorded Windows host.
        // process then "contradicts" (not the harness host's kernel) and hyperv passes only because any foreign
        // kernel looks like a VM: real verdicts need a Windows host (WindowsVerificationTests uses a recorded one).
        Assert.All(records.Where(r => r.Mode == "process"), r => Assert.False(r.Verified));
        Assert.All(records.Where(r => r.Mode == "hyperv"), r => Assert.True(r.Verified));
        Assert.Null(summary.Outcome.MismatchReason);
    }

    [Fact]
    public async Task Windows_11_23h2_runs_process_and_hyperv_with_the_server_2022_image()
    {
        using var repo = new PrebuiltRepository();
        await using var engine = new FakeWindowsEngine(RecordedWindowsHost.Load(RecordedWindowsHost.Windows11Of23H2));

        await Run(repo, engine, "process,hyperv");

        var build = Assert.Single(engine.Requests, r => r.Route == "/build");
        Assert.Equal("ltsc2022", JsonNode.Parse(build.Query["buildargs"])!["WINDOWS_TAG"]!.GetValue<string>());
        var isolations = engine.Creates.Select(c => HostConfig(c)["Isolation"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(["hyperv", "process"], isolations.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Process_and_hyperv_are_created_with_the_same_CPU_count_and_memory(string name, string expectedTag)
    {
        _ = expectedTag;
        using var repo = new PrebuiltRepository();
        await using var engine = new FakeWindowsEngine(RecordedWindowsHost.Load(name));

        var summary = await Run(repo, engine, "process,hyperv", cpus: 1, memoryBytes: 1L << 30);

        Assert.Equal(6, engine.Creates.Count);
        Assert.All(engine.Creates, c =>
        {
            Assert.Equal(1, HostConfig(c)["CpuCount"]?.GetValue<long>());
            Assert.Equal(1L << 30, HostConfig(c)["Memory"]?.GetValue<long>());
            Assert.True(IsAbsent(HostConfig(c)["CpusetCpus"]), "CpusetCpus is Linux-only");
        });
        var manifest = summary.Directory.ReadManifest();
        Assert.Equal(1, manifest.Resources!.Cpus);
        Assert.Equal(1, manifest.EffectiveResources["process"].CpuCount);
        Assert.Equal(1, manifest.EffectiveResources["hyperv"].CpuCount);
    }

    [Fact]
    public async Task An_image_with_the_same_content_is_reused_not_rebuilt()
    {
        using var repo = new PrebuiltRepository();
        await using var engine = new FakeWindowsEngine(RecordedWindowsHost.Load(RecordedWindowsHost.Server2022));

        await Run(repo, engine, "process");
        await Run(repo, engine, "process");

        Assert.Single(engine.Requests, r => r.Route == "/build");
        var labels = JsonNode.Parse(engine.Requests.Single(r => r.Route == "/build").Query["labels"])!.AsObject();
        Assert.True(labels.ContainsKey(ImageBuilder.ContentLabel));
    }

    [Fact]
    public async Task Runtime_direct_startup_on_a_windows_engine_is_refused_before_anything_runs()
    {
        using var repo = new PrebuiltRepository();
        await using var engine = new FakeWindowsEngine(RecordedWindowsHost.Load(RecordedWindowsHost.Server2022));
        var options = new RunOptions
        {
            Modes = "process,hyperv",
            Workloads = "startup,startup-runtime",
            Output = repo.Output,
            Engine = engine.Endpoint,
            InsecureEngine = true,
            RunId = "win-rd",
        };

        var ex = await Assert.ThrowsAsync<UsageException>(() => new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, repo.Layout, new Progress<string>(), null).RunAsync(options, CancellationToken.None));

        Assert.Equal("workload 'startup-runtime' needs a Linux engine's OCI runtime, and mode process runs on windows: leave startup-runtime out of --workloads", ex.Message);
        Assert.Empty(engine.Creates);
        Assert.False(Directory.Exists(Path.Combine(repo.Output, "win-rd")));
    }

    private static Task<RunSummary> Run(PrebuiltRepository repo, FakeWindowsEngine engine, string modes, int? cpus = null, long memoryBytes = 2L << 30) =>
        new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, repo.Layout, new Progress<string>(), null).RunAsync(
            new RunOptions
            {
                Modes = modes,
                Workloads = "startup",
                Samples = 2,
                Warmup = 1,
                Output = repo.Output,
                Engine = engine.Endpoint,
                InsecureEngine = true,
                AllowMismatch = true,
                RunId = "win-" + Guid.NewGuid().ToString("N")[..8],
                Cpus = cpus,
                MemoryBytes = memoryBytes,
            },
            CancellationToken.None);

    private static JsonObject HostConfig(RecordedRequest create) => create.Body!["HostConfig"]!.AsObject();

    private static bool IsAbsent(JsonNode? node) => node switch
    {
        null => true,
        JsonArray a => a.Count == 0,
        JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrEmpty(s),
        _ => false,
    };
}
