using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IsolationBench.Cli.Tests;

/// <summary>
/// The README and the manual hold together: every relative link and image in README.md, docs/*.md and
/// results/README.md names an existing file (and an existing heading when it has a #anchor), and the README stays short.
/// </summary>
public sealed partial class DocsLinkTests
{
    public const int ReadmeMaxLines = 300;

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string> { "README.md", "results/README.md" };
        foreach (var page in Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            pages.Add("docs/" + Path.GetFileName(page));
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_resolves(string page)
    {
        var path = Path.Combine(CliRunner.RepositoryRoot, page);
        var broken = new List<string>();
        foreach (var target in Links(File.ReadAllText(path)))
        {
            if (Problem(path, target) is { } problem)
            {
                broken.Add($"{target}: {problem}");
            }
        }

        Assert.True(broken.Count == 0, $"{page} has broken links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void The_readme_is_at_most_300_lines()
    {
        var lines = File.ReadAllLines(Path.Combine(CliRunner.RepositoryRoot, "README.md")).Length;
        Assert.True(lines <= ReadmeMaxLines, $"README.md has {lines} lines; at most {ReadmeMaxLines} (move the detail into docs/)");
    }

    [Fact]
    public void The_checker_finds_links_and_anchors_and_skips_code()
    {
        const string text = "# Title `code`\n## A, b & c\n[x](a.md) ![i](img/p.png \"t\") [y](#title-code) <img src=\"s.svg\">\n"
            + "`[no](inline.md)`\n```\n[no](fenced.md)\n```\n[web](https://example.com) [z](b.md#a-b--c)\n";
        Assert.Equal(["a.md", "img/p.png", "#title-code", "s.svg", "https://example.com", "b.md#a-b--c"], Links(text));
        Assert.Equal(["title-code", "a-b--c"], Anchors(text));
    }

    /// <summary>Link and image targets outside code: Markdown [text](target) and HTML src/href.</summary>
    internal static IReadOnlyList<string> Links(string markdown)
    {
        var prose = InlineCode().Replace(WithoutFences(markdown), string.Empty);
        return [.. Link().Matches(prose).Select(m => m.Groups["md"].Success ? m.Groups["md"].Value : m.Groups["html"].Value)];
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered; plus explicit ids.</summary>
    internal static IReadOnlyList<string> Anchors(string markdown)
    {
        var anchors = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in WithoutFences(markdown).Split('\n'))
        {
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                var slug = Slug(heading.Groups[1].Value);
                var repeat = seen.GetValueOrDefault(slug);
                seen[slug] = repeat + 1;
                anchors.Add(repeat == 0 ? slug : $"{slug}-{repeat}");
            }

            anchors.AddRange(ExplicitId().Matches(line).Select(m => m.Groups[1].Value));
        }

        return anchors;
    }

    private static string? Problem(string page, string target)
    {
        if (Scheme().IsMatch(target))
        {
            return null; // web and mail links are not checked here
        }

        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var file = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
        var anchor = hash < 0 ? null : target[(hash + 1)..];
        var resolved = file.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, file));
        if (!File.Exists(resolved) && !Directory.Exists(resolved))
        {
            return "no such file";
        }

        if (anchor is { Length: > 0 } && resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            && !Anchors(File.ReadAllText(resolved)).Contains(anchor, StringComparer.Ordinal))
        {
            return $"no heading #{anchor} in {Path.GetFileName(resolved)}";
        }

        return null;
    }

    private static string Slug(string heading)
    {
        var text = MarkdownLink().Replace(heading.Trim(), "$1");
        var slug = new StringBuilder();
        foreach (var c in text.ToLower(CultureInfo.InvariantCulture))
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    private static string WithoutFences(string markdown)
    {
        var kept = new StringBuilder();
        var inFence = false;
        foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (!inFence)
            {
                kept.Append(line).Append('\n');
            }
        }

        return kept.ToString();
    }

    [GeneratedRegex(@"\]\(\s*<?(?<md>[^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)|\b(?:src|href)=""(?<html>[^""]+)""")]
    private static partial Regex Link();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"<a\s+(?:id|name)=""([^""]+)""")]
    private static partial Regex ExplicitId();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();
}
