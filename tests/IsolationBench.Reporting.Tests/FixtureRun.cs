using IsolationBench.Results;

namespace IsolationBench.Reporting.Tests;

/// <summary>A synthetic run directory shaped like a real Linux run (host, runc, crun, runsc), deterministic.</summary>
internal sealed class FixtureRun : IDisposable
{
    public const string RunId = "20250101-120000-testhost";

    private readonly Random _random;
    private readonly List<Sample> _samples = [];
    private readonly DateTimeOffset _t0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public FixtureRun(int seed = 42, string? path = null)
    {
        _random = new Random(seed);
        Path = path ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "isobench-report-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        Run = new RunDirectory(Path);
    }

    public string Path { get; }

    public RunDirectory Run { get; }

    public Dictionary<string, ModeVerification> Verification { get; } = new(StringComparer.Ordinal);

    public List<string> Notes { get; } = [];

    public IReadOnlyList<string> Modes { get; set; } = ["host", "runc", "crun", "runsc"];

    /// <summary>manifest.json's declared metrics; null writes a manifest as older versions did, without the field.</summary>
    public IReadOnlyList<MetricDescriptor>? Metrics { get; set; }

    /// <summary>manifest.json's workload descriptors; null writes a manifest as older versions did, without the field.</summary>
    public IReadOnlyList<IsolationBench.Results.Workloads.WorkloadDescriptor>? WorkloadDescriptors { get; set; }

    /// <summary>manifest.json's workloads; null: startup and the three guest categories the fixture uses.</summary>
    public IReadOnlyList<string>? Workloads { get; set; }

    /// <summary>manifest.json's baseline; null writes a manifest as older versions did, without the field.</summary>
    public string? Baseline { get; set; } = "host";

    /// <summary>The manifest's options (what `isobench run` was given).</summary>
    public Dictionary<string, string> Options { get; } = new(StringComparer.Ordinal) { ["rounds"] = "30", ["warmup"] = "3" };

    /// <summary>Adds one value per round (startup-like) or <paramref name="iterations"/> per round (guest-like), ±<paramref name="noise"/> relative.</summary>
    public FixtureRun Add(string mode, string workload, string metric, string unit, double center, int rounds = 30, int iterations = 1, double noise = 0.03)
    {
        for (var r = 1; r <= rounds; r++)
        {
            for (var i = 0; i < iterations; i++)
            {
                // Log-normal-ish noise with a rare slow outlier, as real start-up times have.
                var factor = Math.Exp(noise * Gaussian());
                if (_random.NextDouble() < 0.03)
                {
                    factor *= 1.5;
                }

                _samples.Add(Sample(mode, workload, metric, unit, center * factor, SampleStatus.Ok, r, i));
            }
        }

        return this;
    }

    /// <summary>Adds one startup total per round; after <paramref name="slowAfter"/> it is 1.3× slower (an order effect).</summary>
    public FixtureRun AddOrdered(string mode, string[] predecessors, double center, string? slowAfter, int rounds = 30)
    {
        for (var r = 1; r <= rounds; r++)
        {
            var predecessor = predecessors[r % predecessors.Length];
            var factor = Math.Exp(0.03 * Gaussian()) * (predecessor == slowAfter ? 1.3 : 1.0);
            _samples.Add(Sample(mode, "startup", "total", Units.Milliseconds, center * factor, SampleStatus.Ok, r, 0) with
            {
                Position = predecessor.Length == 0 ? 1 : 2,
                Predecessor = predecessor,
            });
        }

        return this;
    }

    /// <summary>One startup phase value of one container (round), with the fixture's source naming.</summary>
    public FixtureRun AddExactAt(string mode, int round, string metric, double value)
    {
        _samples.Add(Sample(mode, "startup", metric, Units.Milliseconds, value, SampleStatus.Ok, round, 0));
        return this;
    }

    /// <summary>A mode's first container of a startup workload: its total as the first.total metric, in round 0.</summary>
    public FixtureRun AddFirst(string mode, string workload, double total)
    {
        _samples.Add(Sample(mode, workload, StartupPhases.First(StartupPhases.Total), Units.Milliseconds, total, SampleStatus.Ok, 0, 0));
        return this;
    }

    public FixtureRun AddExact(string mode, string workload, string metric, string unit, params double[] values)
    {
        foreach (var (v, i) in values.Select((v, i) => (v, i)))
        {
            _samples.Add(Sample(mode, workload, metric, unit, v, SampleStatus.Ok, i + 1, 0));
        }

        return this;
    }

    public FixtureRun AddFailed(string mode, string workload, string metric, string unit, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _samples.Add(Sample(mode, workload, metric, unit, double.NaN, SampleStatus.Failed("container exited with code 137, OOM"), 100 + i, 0));
        }

        return this;
    }

    /// <summary>The look-and-feel fixture: the numbers the brief describes for a real Linux host.</summary>
    public static FixtureRun Realistic(string? path = null)
    {
        var f = new FixtureRun(42, path);
        f.Notes.Add("runsc ran on the ptrace platform (no KVM on this host): its syscall costs are gVisor's worst case.");
        var startup = new Dictionary<string, (double Create, double Start, double Ready, double Fingerprint, double Exit, double Remove)>
        {
            ["runc"] = (40, 150, 0, 3, 17, 35),
            ["crun"] = (38, 120, 0, 3, 15, 33),
            ["runsc"] = (60, 250, 0, 9, 26, 45),
        };
        for (var round = 0; round < 1; round++)
        {
            f.Add("host", "startup", "start", Units.Milliseconds, 1.2, noise: 0.08);
            f.Add("host", "startup", "ready", Units.Milliseconds, 0.5, noise: 0.08);
            f.Add("host", "startup", "fingerprint", Units.Milliseconds, 0.2, noise: 0.08);
            f.Add("host", "startup", "exit", Units.Milliseconds, 0.1, noise: 0.08);
            f.Add("host", "startup", "total", Units.Milliseconds, 2.0, noise: 0.08);
            foreach (var (mode, p) in startup)
            {
                f.Add(mode, "startup", "create", Units.Milliseconds, p.Create, noise: 0.06);
                f.Add(mode, "startup", "start", Units.Milliseconds, p.Start, noise: 0.06);
                // A container's ready is clamped to 0: the probe's first line arrives before the start call returns.
                f.AddExact(mode, "startup", "ready", Units.Milliseconds, [.. Enumerable.Repeat(p.Ready, 30)]);
                f.Add(mode, "startup", "fingerprint", Units.Milliseconds, p.Fingerprint, noise: 0.06);
                f.Add(mode, "startup", "exit", Units.Milliseconds, p.Exit, noise: 0.06);
                f.Add(mode, "startup", "remove", Units.Milliseconds, p.Remove, noise: 0.06);
                f.Add(mode, "startup", "total", Units.Milliseconds, p.Create + p.Start + p.Ready + p.Fingerprint + p.Exit + p.Remove + 2, noise: 0.05);
            }
        }

        var guest = new (string Workload, string Metric, string Unit, double Host, double Runc, double Crun, double Runsc)[]
        {
            ("syscall", "StatMissing", Units.NanosecondsPerOp, 300, 320, 318, 60_000),
            ("syscall", "OpenClose", Units.NanosecondsPerOp, 1_500, 1_580, 1_570, 41_000),
            ("syscall", "ThreadCreateJoin", Units.NanosecondsPerOp, 25_000, 26_000, 25_800, 95_000),
            ("io", "SequentialWrite1MiB@layer", Units.MegabytesPerSecond, 1_800, 1_650, 1_660, 620),
            ("io", "SequentialWrite1MiB@volume", Units.MegabytesPerSecond, 1_800, 1_790, 1_795, 900),
            ("io", "RandomRead4KiB@layer", Units.OpsPerSecond, 210_000, 190_000, 192_000, 45_000),
            ("cpu", "ComputeLoop", Units.NanosecondsPerOp, 1_000, 1_004, 998, 1_006),
        };
        foreach (var g in guest)
        {
            f.Add("host", g.Workload, g.Metric, g.Unit, g.Host, rounds: 5, iterations: 3, noise: 0.02);
            f.Add("runc", g.Workload, g.Metric, g.Unit, g.Runc, rounds: 5, iterations: 3, noise: 0.02);
            f.Add("crun", g.Workload, g.Metric, g.Unit, g.Crun, rounds: 5, iterations: 3, noise: 0.02);
            f.Add("runsc", g.Workload, g.Metric, g.Unit, g.Runsc, rounds: 5, iterations: 3, noise: 0.03);
        }

        f.AddFailed("runsc", "startup", "total", Units.Milliseconds, 2);
        return f.Write();
    }

    public FixtureRun Write()
    {
        WriteManifest();
        File.Delete(Run.Samples);
        using (var writer = new SampleWriter(Run.Samples))
        {
            writer.WriteAll(_samples);
        }

        return this;
    }

    public void WriteManifest()
    {
        Run.WriteManifest(new RunManifest
        {
            RunId = RunId,
            ToolVersion = "0.1.0",
            Commit = "abc1234",
            StartedUtc = _t0,
            FinishedUtc = _t0.AddMinutes(42),
            Status = "complete",
            Host = new HostInfo
            {
                Os = "linux",
                OsDescription = "Debian GNU/Linux 12 (bookworm)",
                Kernel = "6.1.0-28-amd64",
                CpuModel = "AMD EPYC 7B13",
                Cores = 2,
                MemoryBytes = 24L * 1024 * 1024 * 1024,
                Hostname = "testhost",
            },
            Engine = new EngineDescription
            {
                Endpoint = "unix:///var/run/docker.sock",
                Version = "28.0.1",
                ApiVersion = "1.48",
                OsType = "linux",
                OperatingSystem = "Debian GNU/Linux 12 (bookworm)",
                KernelVersion = "6.1.0-28-amd64",
                DefaultRuntime = "runc",
                Runtimes = ["crun", "io.containerd.runc.v2", "runc", "runsc"],
            },
            // A variant (runc+unconfined) is described as the harness describes it: its parent's runtime, its parent and knob.
            Modes = Modes.Select(m => ModeVariants.Parse(m) is { } v
                ? new ModeDescription(m, "container", v.Parent, null) { Parent = v.Parent, Knob = v.Knob, Note = ModeVariants.LessIsolatedNote(v.Parent, v.Knob) }
                : new ModeDescription(m, m == "host" ? "host" : "container", m == "host" ? null : m, null)).ToList(),
            Workloads = Workloads ?? ["startup", "syscall", "io", "cpu"],
            WorkloadDescriptors = WorkloadDescriptors,
            Baseline = Baseline,
            Images = new Dictionary<string, string> { ["isobench-probe:linux"] = "sha256:0123456789ab" },
            Options = Options,
            Verification = Verification,
            Notes = Notes,
            Metrics = Metrics,
        });
    }

    private Sample Sample(string mode, string workload, string metric, string unit, double value, string status, int round, int iteration) => new()
    {
        RunId = RunId,
        Round = round,
        Mode = mode,
        Workload = workload,
        Metric = metric,
        Unit = unit,
        Value = value,
        Status = status,
        Iteration = iteration,
        Source = mode == "host" ? "host:" + round.ToString(System.Globalization.CultureInfo.InvariantCulture) : mode + "-" + round.ToString(System.Globalization.CultureInfo.InvariantCulture),
        TimestampUtc = _t0.AddSeconds(round),
    };

    private double Gaussian() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing a test over it would not be.
        }
    }
}
