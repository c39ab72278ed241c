using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace IsolationBench.Benchmarks.Guest.Fio;

/// <summary>
/// Where fio is and how one fio job runs: leaves fio's raw JSON in &lt;artifacts&gt;/fio/&lt;name&gt;.json. A cross-check,
/// never a reason to fail the run: a missing fio leaves fio/missing.txt, a failing one fio/&lt;name&gt;.failed.txt, a
/// non-Linux host fio/skipped.txt; the exit code is the benchmarks' alone. When the jobs run is
/// <see cref="FioInterleave"/>'s: beside each of our iterations of the same operation. Why that close: one fio pass for
/// every operation before (or after) all of ours put ~10 s and GiBs of other writes between the two figures of an
/// operation, and its random reads disagreed with ours by up to 24 % in a run while agreeing within 2 % back to back.
/// </summary>
public static class FioCrossCheck
{
    public const string DirectoryName = "fio";
    public const string MissingFile = "missing.txt";
    public const string SkippedFile = "skipped.txt";

    /// <summary>&lt;artifacts&gt;/fio, created.</summary>
    internal static string OutputDirectory(GuestOptions options)
    {
        var output = Path.Combine(options.ArtifactsDir, DirectoryName);
        Directory.CreateDirectory(output);
        return output;
    }

    /// <summary>fio's path; null (with the reason left in <paramref name="output"/>) where it cannot referee.</summary>
    internal static async Task<string?> LocateAsync(string output, TextWriter log, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            // Our Windows io figures have no per-file cache drop; a fio run there would not measure the same thing.
            await Note(output, SkippedFile, "--fio is Linux only; ignored on " + Environment.OSVersion, log, cancellationToken)
                .ConfigureAwait(false);
            return null;
        }

        var fio = FindOnPath("fio");
        if (fio is null)
        {
            await Note(output, MissingFile, "fio not found on PATH; no fio cross-check (apt-get install fio)", log, cancellationToken)
                .ConfigureAwait(false);
        }

        return fio;
    }

    internal static async Task RunOne(string fio, FioRun run, string output, TextWriter log, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fio) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in run.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        await log.WriteLineAsync($"isobench-guest: fio {run.Name}: {string.Join(' ', run.Arguments)}").ConfigureAwait(false);
        int code;
        string stdout;
        string stderr;
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("fio did not start");
            var readOut = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var readErr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true); // fio would go on writing 256 MiB files after we left
                throw;
            }

            (code, stdout, stderr) = (process.ExitCode, await readOut.ConfigureAwait(false), await readErr.ConfigureAwait(false));
        }
        catch (Win32Exception ex)
        {
            await Note(output, MissingFile, $"fio could not be started ({ex.Message}); no fio cross-check", log, cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        // fio may print notes before the JSON document on the same stream; the saved file is the document alone.
        var json = JsonPart(stdout);
        if (code != 0 || json is null)
        {
            var reason = string.Create(CultureInfo.InvariantCulture, $"fio exited with {code}: {stderr.Trim()}");
            await Note(output, run.Name + ".failed.txt", reason, log, cancellationToken).ConfigureAwait(false);
            return;
        }

        await File.WriteAllTextAsync(Path.Combine(output, run.Name + ".json"), json, cancellationToken).ConfigureAwait(false);
    }

    private static string? JsonPart(string stdout)
    {
        var start = stdout.StartsWith('{') ? 0 : stdout.IndexOf("\n{", StringComparison.Ordinal) + 1;
        return start >= 0 && stdout.Length > start && stdout[start] == '{' ? stdout[start..] : null;
    }

    /// <summary>Says why a cross-check did not run (or failed) on the log and in a file beside its results; also iperf3's.</summary>
    internal static async Task Note(string output, string file, string text, TextWriter log, CancellationToken cancellationToken)
    {
        await log.WriteLineAsync("isobench-guest: " + text).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(output, file), text + "\n", cancellationToken).ConfigureAwait(false);
    }

    internal static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    internal static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover in a container layer vanishes with the container; on the host the next run reuses it.
        }
    }
}
