using IsolationBench.Harness.Images;

namespace IsolationBench.Harness.Tests.Windows;

/// <summary>NativeAOT on Windows links with MSVC: what is checked, and what users are told to install.</summary>
public sealed class NativeAotToolchainTests
{
    [Fact]
    public async Task A_failed_windows_publish_names_the_msvc_build_tools_not_clang()
    {
        var ex = await Assert.ThrowsAsync<UsageException>(() =>
            RepositoryLayout.PublishAsync(Path.Combine(Path.GetTempPath(), "isobench-missing", "Probe.csproj"), "win-x64", Path.GetTempPath(), CancellationToken.None));

        Assert.DoesNotContain("clang", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("lld", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(NativeAotToolchain.WindowsInstallCommand, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void The_linux_hint_still_names_clang_and_lld() =>
        Assert.Contains("clang and lld", NativeAotToolchain.PublishHint("linux-x64"), StringComparison.Ordinal);

    [Fact]
    public void Without_vswhere_or_link_exe_the_problem_says_what_to_install()
    {
        var problem = NativeAotToolchain.WindowsProblem(null, @"C:\Windows\System32;C:\Program Files\dotnet");

        Assert.NotNull(problem);
        Assert.Contains("winget install Microsoft.VisualStudio.2022.BuildTools", problem, StringComparison.Ordinal);
        Assert.Contains("Microsoft.VisualStudio.Workload.VCTools", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("clang", problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_installation_named_by_vswhere_is_enough() =>
        Assert.Null(NativeAotToolchain.WindowsProblem(@"C:\Program Files (x86)\Microsoft Visual Studio\2022\BuildTools", null));

    [Fact]
    public void Link_exe_on_path_is_enough()
    {
        var dir = Directory.CreateTempSubdirectory("isobench-msvc-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "link.exe"), string.Empty);

            Assert.Null(NativeAotToolchain.WindowsProblem(null, @"C:\nowhere;" + dir.FullName));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
