using System.Globalization;
using System.Text;

namespace IsolationBench.Fingerprint;

/// <summary>One line of /proc/self/mountinfo (proc(5)): the mount's device, where it is, its type and options.</summary>
public sealed record MountEntry(int Major, int Minor, string MountPoint, string FsType, string Source, string MountOptions, string SuperOptions);

/// <summary>Parses /proc/self/mountinfo and finds the mount that holds a path. Pure: text in, records out. Shared by the
/// guest (which filesystem each io target is on) and the harness (is the host scratch on the engine data root's filesystem?).</summary>
public static class MountInfo
{
    /// <summary>
    /// Every well-formed line; a malformed one is skipped (a kernel newer than this parser may add fields, but the
    /// " - " separator before type, source and super options is fixed by proc(5)).
    /// </summary>
    public static IReadOnlyList<MountEntry> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<MountEntry>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            var separator = fields.Length > 6 ? Array.IndexOf(fields, "-", 6) : -1;
            if (separator < 0 || separator + 2 >= fields.Length)
            {
                continue;
            }

            var device = fields[2].Split(':');
            if (device.Length != 2
                || !int.TryParse(device[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
                || !int.TryParse(device[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
            {
                continue;
            }

            entries.Add(new MountEntry(
                major,
                minor,
                Unescape(fields[4]),
                fields[separator + 1],
                Unescape(fields[separator + 2]),
                fields[5],
                separator + 3 < fields.Length ? fields[separator + 3] : string.Empty));
        }

        return entries;
    }

    /// <summary>
    /// The mount holding <paramref name="path"/> (absolute): the longest mount point that is a prefix of the path,
    /// preferring mounts on the path's own device (st_dev) when given; of equal candidates the later line wins,
    /// because a later mount on the same point hides the earlier one. Null when nothing matches.
    /// </summary>
    public static MountEntry? Find(IReadOnlyList<MountEntry> entries, string path, (int Major, int Minor)? device = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(path);
        var holding = entries.Where(e => Holds(e.MountPoint, path)).ToList();
        if (device is { } d && holding.Any(e => e.Major == d.Major && e.Minor == d.Minor))
        {
            holding = holding.Where(e => e.Major == d.Major && e.Minor == d.Minor).ToList();
        }

        return holding.Count == 0 ? null : holding.Select((e, i) => (e, i)).MaxBy(x => (x.e.MountPoint.Length, x.i)).e;
    }

    /// <summary>glibc's dev_t encoding (sys/sysmacros.h): 12 bits of major and 20 of minor, split across the word.</summary>
    public static (int Major, int Minor) Split(ulong dev) =>
        ((int)(((dev >> 8) & 0xFFF) | ((dev >> 32) & 0xFFFFF000)), (int)((dev & 0xFF) | ((dev >> 12) & 0xFFFFFF00)));

    private static bool Holds(string mountPoint, string path) =>
        mountPoint == "/"
        || path == mountPoint
        || path.StartsWith(mountPoint.TrimEnd('/') + "/", StringComparison.Ordinal);

    /// <summary>mountinfo writes space, tab, newline and backslash in paths as \040, \011, \012, \134.</summary>
    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var sb = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && IsOctal(field, i + 1))
            {
                sb.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                sb.Append(field[i]);
            }
        }

        return sb.ToString();
    }

    private static bool IsOctal(string s, int start) =>
        start + 3 <= s.Length && s.Substring(start, 3).All(c => c is >= '0' and <= '7');
}
