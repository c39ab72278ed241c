using System.Buffers;

namespace IsolationBench.Harness.Engine;

/// <summary>
/// HostConfig.Binds entries ("host:container[:ro]") for the engine's OS, validated. Built as strings for the
/// engine's OS, not this process's: the harness may drive a Windows engine from elsewhere, so
/// System.IO.Path (which follows the local OS) is not used to judge the paths.
/// </summary>
public static class BindMount
{
    private static readonly SearchValues<char> WindowsInvalid = SearchValues.Create("<>\"|?*");

    /// <summary>e.g. <c>C:\host\dir:C:\work\volume</c> (windows) or <c>/host/dir:/work/volume:ro</c> (linux).</summary>
    public static string For(string hostPath, string containerPath, string osType, bool readOnly)
    {
        ArgumentNullException.ThrowIfNull(hostPath);
        ArgumentNullException.ThrowIfNull(containerPath);
        var windows = string.Equals(osType, "windows", StringComparison.OrdinalIgnoreCase);
        if (!windows && !string.Equals(osType, "linux", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"cannot bind-mount for engine OS '{osType}': expected linux or windows");
        }

        var host = windows ? WindowsPath(hostPath, "host") : LinuxPath(hostPath, "host");
        var container = windows ? WindowsPath(containerPath, "container") : LinuxPath(containerPath, "container");
        return host + ":" + container + (readOnly ? ":ro" : string.Empty);
    }

    private static string WindowsPath(string path, string side)
    {
        // Docker for Windows takes both separators; one form keeps the entries comparable.
        var p = path.Trim().Replace('/', '\\');
        if (p.StartsWith(@"\\", StringComparison.Ordinal))
        {
            throw new UsageException($"{side} path '{path}': UNC and device paths cannot be bind-mounted here; use a local folder such as C:\\isobench\\volume");
        }

        if (p.Length < 3 || !char.IsAsciiLetter(p[0]) || p[1] != ':' || p[2] != '\\')
        {
            throw new UsageException($"{side} path '{path}' is not an absolute Windows path: use a drive-letter path such as C:\\isobench\\volume");
        }

        if (p.IndexOf(':', 2) >= 0 || p.AsSpan().IndexOfAny(WindowsInvalid) >= 0 || p.Any(char.IsControl))
        {
            throw new UsageException($"{side} path '{path}' has a character Windows paths cannot hold (: < > \" | ? * or a control character)");
        }

        var trimmed = p.Length > 3 ? p.TrimEnd('\\') : p;
        if (trimmed.Split('\\').Any(s => s is ".."))
        {
            throw new UsageException($"{side} path '{path}' contains '..': give the folder itself");
        }

        return trimmed;
    }

    private static string LinuxPath(string path, string side)
    {
        var p = path.Trim();
        if (!p.StartsWith('/'))
        {
            throw new UsageException($"{side} path '{path}' is not absolute: use a path such as /var/tmp/isobench-volume");
        }

        // ':' separates the fields of a bind entry and ',' is taken by --mount syntax: neither can be escaped.
        if (p.Contains(':', StringComparison.Ordinal) || p.Contains(',', StringComparison.Ordinal) || p.Any(char.IsControl))
        {
            throw new UsageException($"{side} path '{path}' contains ':' ',' or a control character, which a bind mount cannot carry: choose another folder");
        }

        if (p.Split('/').Any(s => s is ".."))
        {
            throw new UsageException($"{side} path '{path}' contains '..': give the folder itself");
        }

        return p.Length > 1 ? p.TrimEnd('/') : p;
    }
}
