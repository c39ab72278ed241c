using System.Text.RegularExpressions;

namespace IsolationBench.Cli.Tests;

/// <summary>
/// The hosted Windows job runs every test but the Linux-only ones, by one filter in windows.yml. A test is Linux-only
/// when it spawns /bin/sh or needs a Linux engine; each such test must be an integration test, carry
/// [Trait("Requires", "Linux")], or skip off Linux with its reason — else the Windows job fails before its run.
/// </summary>
public sealed partial class WindowsJobFilterTests
{
    private const string Filter = "FullyQualifiedName!~.Integration.&Requires!=Linux";

    [Fact]
    public void The_windows_job_filters_out_integration_tests_and_tests_that_require_linux()
    {
        var workflow = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, ".github", "workflows", "windows.yml"));
        Assert.Contains($"--filter \"{Filter}\"", workflow, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_test_that_needs_linux_is_excluded_by_that_filter_or_skips_off_linux()
    {
        var unmarked = new List<string>();
        var marked = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && Path.GetFileName(f) != "WindowsJobFilterTests.cs"))
        {
            var text = File.ReadAllText(file);
            if (Namespace().Match(text).Groups[1].Value.Contains(".Integration", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var test in Tests(text))
            {
                if (!LinuxOnly().IsMatch(test.Body))
                {
                    continue;
                }

                if (test.Body.Contains("[Trait(\"Requires\", \"Linux\")]", StringComparison.Ordinal) || test.Body.Contains("Skip.IfNot(OperatingSystem.IsLinux()", StringComparison.Ordinal) || test.Body.Contains("Skip.If(OperatingSystem.IsWindows()", StringComparison.Ordinal))
                {
                    marked++;
                }
                else
                {
                    unmarked.Add($"{Path.GetFileName(file)}: {test.Name}");
                }
            }
        }

        Assert.True(unmarked.Count == 0, "Linux-only tests the Windows job would run:\n" + string.Join('\n', unmarked));
        // The three the first Windows job failed on are among those found, so the scan does look.
        Assert.True(marked >= 3, $"only {marked} Linux-only test(s) found");
    }

    /// <summary>Each test method: from its [Fact]/[Theory] attribute to the next one.</summary>
    private static IEnumerable<(string Name, string Body)> Tests(string text)
    {
        var starts = TestAttribute().Matches(text).Select(m => m.Index).ToList();
        for (var i = 0; i < starts.Count; i++)
        {
            var body = text[starts[i]..(i + 1 < starts.Count ? starts[i + 1] : text.Length)];
            yield return (MethodName().Match(body).Groups[1].Value, body);
        }
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"\[(?:Skippable)?(?:Fact|Theory)\b")]
    private static partial Regex TestAttribute();

    [GeneratedRegex(@"public\s+(?:async\s+)?[\w<>]+\s+(\w+)\s*\(")]
    private static partial Regex MethodName();

    /// <summary>Runs /bin/sh (as a program or a script's interpreter) or asks for a Linux engine; naming the string in an assertion is no run.</summary>
    [GeneratedRegex(@"(?:RunAsync|ProcessStartInfo|Process\.Start)\(\s*(?:new\s+ProcessStartInfo\()?""/bin/sh""|#!/bin/sh|RealEngine\.Require")]
    private static partial Regex LinuxOnly();
}
