using System.Globalization;
using IsolationBench.Benchmarks.Guest.Benchmarks;

namespace IsolationBench.Benchmarks.Guest.Fio;

/// <summary>
/// fio's job of a refereed operation interleaved with our iterations of it: one fio job beside each of our iterations,
/// outside our timing — after our odd iterations (<see cref="IoBenchmarks.AfterRefereedIteration"/>, BenchmarkDotNet's
/// IterationCleanup) and before our even ones (<see cref="IoBenchmarks.BeforeRefereedIteration"/>, the start of its
/// IterationSetup, before our drop of the read file's pages or our delete of the written file), so each of our measured
/// iterations has fio's job a fraction of a second from it and the order alternates (ours–fio, fio–ours): a disk that
/// drifts, or a tool that goes first, favours neither. <see cref="Pairs"/> pairs in every container instead of one. Why:
/// on this VM's disk two consecutive 0.2 s random-read jobs of the same tool differ by 12–17 % (standard deviation of the
/// log ratio), and with one pair per container a run's 5 pairs could neither show agreement within 10 % nor a real
/// difference; and the second of two back-to-back 256 MiB writes ran ~30 % slower than the first (run
/// 20261201-052501-vm: fio's write 333–369 MB/s right after ours, 480–575 MB/s before it), so a write is compared
/// with a write that also follows a write — our warmup iteration and its job come first. Each job's JSON is kept under
/// &lt;artifacts&gt;/fio/ as &lt;name&gt;.interleaved-NN.json, NN our measured iteration it was paired with; the jobs
/// beside our warmup iterations go to fio/warmup/ (not samples).
/// </summary>
public sealed class FioInterleave
{
    /// <summary>Our measured iterations of a refereed operation, and fio's jobs beside them, per container (at least).</summary>
    public const int Pairs = 6;

    public const string WarmupDirectory = "warmup";
    private const string PendingDirectory = "interleaved-pending";
    private const string Marker = ".interleaved-";

    private readonly string _fio;
    private readonly GuestOptions _options;
    private readonly IoOperation _operation;
    private readonly string _output;
    private readonly TextWriter _log;
    private readonly CancellationToken _cancellationToken;
    private int _iterations;

    private FioInterleave(string fio, GuestOptions options, IoOperation operation, string output, TextWriter log, CancellationToken cancellationToken)
    {
        (_fio, _options, _operation, _output, _log, _cancellationToken) = (fio, options, operation, output, log, cancellationToken);
    }

    /// <summary>Our measured iterations of a refereed operation: the profile's, and at least <see cref="Pairs"/>.</summary>
    public static int IterationsFor(int profileIterations) => Math.Max(profileIterations, Pairs);

    /// <summary>Null where fio cannot referee (not Linux, fio missing: the reason is left in fio/ as for the other jobs).</summary>
    public static async Task<FioInterleave?> StartAsync(GuestOptions options, IoOperation operation, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(log);
        var output = FioCrossCheck.OutputDirectory(options);
        var fio = await FioCrossCheck.LocateAsync(output, log, cancellationToken).ConfigureAwait(false);
        return fio is null ? null : new FioInterleave(fio, options, operation, output, log, cancellationToken);
    }

    /// <summary>Whether fio's job goes before our iteration <paramref name="iteration"/> (1-based, warmups counted): even ones.</summary>
    public static bool RunsBefore(int iteration) => iteration % 2 == 0;

    /// <summary>At the start of our iteration's setup: counts it, and runs fio's job first when its turn is before ours.</summary>
    public void BeforeIteration()
    {
        if (RunsBefore(++_iterations))
        {
            RunJob();
        }
    }

    /// <summary>After our iteration: fio's job when its turn is after ours. Synchronous: BenchmarkDotNet's IterationCleanup is.</summary>
    public void AfterIteration()
    {
        if (!RunsBefore(_iterations))
        {
            RunJob();
        }
    }

    private void RunJob()
    {
        var job = FioJobs.For(_operation, _options.LayerDir);
        Directory.CreateDirectory(FioJobs.DirectoryOf(_operation, _options.LayerDir)); // fio's own folder for a write: fio does not create it
        var name = job.Name + Marker + _iterations.ToString("D2", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(Path.Combine(_output, PendingDirectory));
        FioCrossCheck.RunOne(_fio, job with { Name = Path.Combine(PendingDirectory, name) }, _output, _log, _cancellationToken)
            .GetAwaiter().GetResult();
    }

    /// <summary>
    /// After our run: the jobs of the last <paramref name="measured"/> iterations were beside our measured iterations
    /// (BenchmarkDotNet runs its warmups first), so they become samples; the ones before were beside warmups and go to fio/warmup/.
    /// </summary>
    public void Finish(int measured)
    {
        if (FioJobs.InOwnDirectory(_operation))
        {
            FioCrossCheck.TryDelete(FioJobs.DirectoryOf(_operation, _options.LayerDir)); // fio's own folder; our read file stays
        }

        var pending = Path.Combine(_output, PendingDirectory);
        if (!Directory.Exists(pending))
        {
            return;
        }

        var (warmups, kept) = Split(Directory.GetFiles(pending, "*.json"), _iterations, measured);
        Directory.CreateDirectory(Path.Combine(_output, WarmupDirectory));
        foreach (var file in warmups)
        {
            File.Move(file, Path.Combine(_output, WarmupDirectory, Path.GetFileName(file)), overwrite: true);
        }

        // Renumbered by our measured iteration (the job beside our measured iteration i is …interleaved-0i.json): the
        // converter numbers fio's samples from these names, so a failed job leaves a gap instead of shifting the pairs.
        var firstMeasured = _iterations - measured + 1;
        foreach (var file in kept)
        {
            var iteration = NumberOf(file) - firstMeasured + 1;
            File.Move(file, Path.Combine(_output, FileName(_operation, iteration)), overwrite: true);
        }

        foreach (var note in Directory.GetFiles(pending))
        {
            File.Move(note, Path.Combine(_output, Path.GetFileName(note)), overwrite: true); // a failed job's reason
        }

        Directory.Delete(pending);
    }

    /// <summary>
    /// Job files (…interleaved-NN.json, NN = the job's number) split by number: of <paramref name="jobs"/> jobs, the last
    /// <paramref name="measured"/> followed our measured iterations, the ones before our warmups. By number, not position,
    /// so a job that failed (no JSON) does not move a warmup into the samples.
    /// </summary>
    public static (IReadOnlyList<string> Warmups, IReadOnlyList<string> Measured) Split(IEnumerable<string> jobFiles, int jobs, int measured)
    {
        ArgumentNullException.ThrowIfNull(jobFiles);
        ArgumentOutOfRangeException.ThrowIfNegative(measured);
        var ordered = jobFiles.Select(f => (File: f, Number: NumberOf(f))).OrderBy(f => f.Number).ToList();
        var firstMeasured = jobs - measured + 1;
        return ([.. ordered.Where(f => f.Number < firstMeasured).Select(f => f.File)], [.. ordered.Where(f => f.Number >= firstMeasured).Select(f => f.File)]);
    }

    /// <summary>The kept job's file name: our metric, the marker, our iteration it followed.</summary>
    public static string FileName(IoOperation operation, int iteration)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.Benchmark + "@" + IoTargets.Layer + Marker + iteration.ToString("D2", CultureInfo.InvariantCulture) + ".json";
    }

    private static int NumberOf(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var at = name.LastIndexOf(Marker, StringComparison.Ordinal);
        return at >= 0 && int.TryParse(name.AsSpan(at + Marker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"not an interleaved fio job file (…{Marker}NN.json): {file}", nameof(file));
    }
}
