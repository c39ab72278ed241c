using IsolationBench.Reporting.Comparison;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Tests;

/// <summary>Synthetic runs for the comparison tests: log-normal samples around a centre, deterministic per seed.</summary>
internal sealed class CompareSynthetic(string runId, int seed)
{
    private readonly Random _random = new(seed);
    private readonly List<Sample> _samples = [];

    public CompareSynthetic Add(string mode, string workload, string metric, string unit, double center, double sigma, int rounds = 30, int iterations = 1)
    {
        for (var r = 1; r <= rounds; r++)
        {
            for (var i = 0; i < iterations; i++)
            {
                var gaussian = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
                _samples.Add(new Sample
                {
                    RunId = runId,
                    Round = r,
                    Mode = mode,
                    Workload = workload,
                    Metric = metric,
                    Unit = unit,
                    Value = center * Math.Exp(sigma * gaussian),
                    Status = SampleStatus.Ok,
                    Iteration = i,
                    Source = mode + "-" + r.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    TimestampUtc = DateTimeOffset.UnixEpoch,
                });
            }
        }

        return this;
    }

    /// <summary>One cell (round) of <paramref name="mode"/> × <paramref name="workload"/> that failed: one NaN row, as the executors write.</summary>
    public CompareSynthetic Failed(string mode, string workload, string metric, string reason, int round = 1)
    {
        _samples.Add(new Sample
        {
            RunId = runId,
            Round = round,
            Mode = mode,
            Workload = workload,
            Metric = metric,
            Unit = Units.Milliseconds,
            Value = double.NaN,
            Status = SampleStatus.Failed(reason),
            Source = mode + "-failed-" + round.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TimestampUtc = DateTimeOffset.UnixEpoch,
        });
        return this;
    }

    /// <summary>A CPU control whose container/host ratio is <paramref name="ratio"/> (1.0 = quiet host).</summary>
    public CompareSynthetic Cpu(double ratio) =>
        Add("host", "cpu", "ComputeLoop", Units.NanosecondsPerOp, 1000, 0.005, rounds: 5, iterations: 10)
            .Add("runc", "cpu", "ComputeLoop", Units.NanosecondsPerOp, 1000 * ratio, 0.005, rounds: 5, iterations: 10);

    public RunSamples Build() => new(runId, DateTimeOffset.UnixEpoch, "/runs/" + runId, _samples, NoiseCheck.Reasons(_samples, IsolationBench.Workloads.WorkloadModules.Reports));

    public CompareSide Side() => new(runId, [Build()], []);
}
