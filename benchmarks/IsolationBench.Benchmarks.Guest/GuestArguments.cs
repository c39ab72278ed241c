namespace IsolationBench.Benchmarks.Guest;

/// <summary>
/// Parses <c>isobench-guest --category syscall|io|cpu|memory|network[,…] --profile quick|default|thorough|smoke
/// --artifacts DIR [--layer-dir DIR] [--volume-dir DIR] [--filter GLOB] [--fio] [--iperf3 before|after]</c>. Hand-written on purpose: the
/// harness is the only caller, and a one-line error is all a user of a container needs.
/// </summary>
public static class GuestArguments
{
    public const string Usage =
        "usage: isobench-guest --category syscall|io|cpu|memory|network[,...] --profile quick|default|thorough|smoke "
        + "--artifacts DIR [--layer-dir DIR] [--volume-dir DIR] [--filter GLOB] [--fio] [--iperf3 before|after]";

    /// <summary>Flag (no value): fio referees the io layer operations, its jobs interleaved with our iterations (Linux only).</summary>
    public const string FioFlag = "--fio";

    /// <summary>Where the io "layer" target writes when --layer-dir is not given (the container's own layer).</summary>
    public const string DefaultLayerDir = "/tmp/isobench-io";

    public static GuestOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var fio = false;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                throw new GuestArgumentException(Usage);
            }

            if (name == FioFlag)
            {
                if (fio)
                {
                    throw new GuestArgumentException($"{FioFlag} given twice");
                }

                fio = true;
                continue;
            }

            if (!KnownOptions.Contains(name))
            {
                throw new GuestArgumentException($"unknown argument '{name}'; {Usage}");
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new GuestArgumentException($"{name} needs a value; {Usage}");
            }

            if (!values.TryAdd(name, args[++i]))
            {
                throw new GuestArgumentException($"{name} given twice");
            }
        }

        var categories = ParseCategories(Required(values, "--category"));
        var profile = GuestProfiles.Parse(Required(values, "--profile"));
        var artifacts = FullPath(Required(values, "--artifacts"), "--artifacts");
        var layer = FullPath(values.GetValueOrDefault("--layer-dir", DefaultLayerDir), "--layer-dir");
        var volume = values.TryGetValue("--volume-dir", out var v) ? FullPath(v, "--volume-dir") : null;
        if (volume is not null && !Directory.Exists(volume))
        {
            throw new GuestArgumentException($"--volume-dir {volume} does not exist (is the volume mounted?)");
        }

        var filter = values.GetValueOrDefault("--filter");
        Iperf3.Iperf3CrossCheck.Side? iperf3 = null;
        if (values.TryGetValue("--iperf3", out var side))
        {
            iperf3 = side switch
            {
                "before" => Iperf3.Iperf3CrossCheck.Side.Before,
                "after" => Iperf3.Iperf3CrossCheck.Side.After,
                _ => throw new GuestArgumentException($"--iperf3 {side}: expected before or after (the side of the TCP bulk benchmark it runs on)"),
            };
        }

        return new GuestOptions(categories, profile, artifacts, layer, volume, filter, fio, iperf3);
    }

    private static readonly HashSet<string> KnownOptions =
        new(["--category", "--profile", "--artifacts", "--layer-dir", "--volume-dir", "--filter", "--iperf3"], StringComparer.Ordinal);

    private static string Required(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new GuestArgumentException($"{name} is required; {Usage}");

    private static List<string> ParseCategories(string text)
    {
        var list = new List<string>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var category = part.ToLowerInvariant();
            if (!GuestCategories.All.Contains(category))
            {
                throw new GuestArgumentException(
                    $"unknown category '{part}'; expected one or more of {string.Join(',', GuestCategories.All)}");
            }

            if (!list.Contains(category))
            {
                list.Add(category);
            }
        }

        return list.Count > 0 ? list : throw new GuestArgumentException("--category is empty; " + Usage);
    }

    private static string FullPath(string path, string name)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new GuestArgumentException($"{name} '{path}' is not a valid path");
        }
    }
}

/// <summary>A bad command line; the message is the one line printed before exiting with code 2.</summary>
public sealed class GuestArgumentException : Exception
{
    public GuestArgumentException(string message)
        : base(message)
    {
    }

    public GuestArgumentException()
    {
    }

    public GuestArgumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
