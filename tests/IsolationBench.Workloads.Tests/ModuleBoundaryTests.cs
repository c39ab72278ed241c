using System.Text.RegularExpressions;

namespace IsolationBench.Workloads.Tests;

/// <summary>
/// The shape of the house: a workload is one folder of IsolationBench.Workloads plus one line in
/// <see cref="WorkloadModules.All"/>. No file outside that folder — in Results, Harness, Reporting, the CLI or another
/// workload's folder — names the workload's id as a string or any type declared in its folder.
/// </summary>
public sealed partial class ModuleBoundaryTests
{
    private static readonly string Root = FindRoot();

    /// <summary>The same word in another sense: a cgroup controller, an OCI config field, the --memory option's key.</summary>
    private static readonly HashSet<(string File, string Id)> Homonyms =
    [
        ("CgroupLimits.cs", "memory"),
        ("HostFootprint.cs", "memory"),
        ("RunOptions.cs", "memory"),
        ("OciConfig.cs", "cpu"),
        ("OciConfig.cs", "memory"),
        ("OciConfig.cs", "network"),
    ];
    private static readonly string ModulesDir = Path.Combine(Root, "harness", "IsolationBench.Workloads");

    [Fact]
    public void Every_module_lives_in_a_folder_of_its_own()
    {
        foreach (var module in WorkloadModules.All)
        {
            var folder = FolderOf(module);
            Assert.True(Directory.Exists(folder), $"{module.Descriptor.Name}: no folder {folder}");
        }
    }

    [Fact]
    public void No_file_outside_a_workloads_folder_names_its_id_or_its_types()
    {
        var offences = new List<string>();
        var files = Directory.GetFiles(Path.Combine(Root, "harness"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) != "WorkloadModules.cs")
            .ToDictionary(f => f, File.ReadAllText);
        foreach (var group in WorkloadModules.All.GroupBy(FolderOf))
        {
            var folder = group.Key + Path.DirectorySeparatorChar;
            var ids = group.Select(m => m.Descriptor.Name).ToList();
            var types = Directory.GetFiles(group.Key, "*.cs", SearchOption.AllDirectories).SelectMany(f => DeclaredTypes().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct().ToList();
            foreach (var (path, text) in files.Where(f => !f.Key.StartsWith(folder, StringComparison.Ordinal)))
            {
                offences.AddRange(ids.Where(id => text.Contains('"' + id + '"', StringComparison.Ordinal) && !Homonyms.Contains((Path.GetFileName(path), id))).Select(id => $"{Relative(path)} names workload \"{id}\""));
                offences.AddRange(types.Where(t => Regex.IsMatch(text, $@"\b{t}\b")).Select(t => $"{Relative(path)} names {t} (declared in {Relative(group.Key)})"));
            }
        }

        Assert.True(offences.Count == 0, $"{offences.Count} reference(s) across a workload's boundary:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void Ids_are_unique_and_every_module_declares_a_plan_and_supported_os()
    {
        Assert.Equal(WorkloadModules.All.Count, WorkloadModules.All.Select(m => m.Descriptor.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(WorkloadModules.All, m =>
        {
            Assert.Same(m.Descriptor, m.Harness.Descriptor);
            Assert.NotEmpty(m.Descriptor.SupportedOs);
            Assert.Equal(m.Descriptor.Metrics.Count, m.Descriptor.Metrics.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
        });
    }

    private static string FolderOf(IWorkloadModule module)
    {
        // The module's namespace is its folder: IsolationBench.Workloads.Startup → harness/IsolationBench.Workloads/Startup.
        var ns = module.GetType().Namespace ?? string.Empty;
        var relative = ns["IsolationBench.Workloads".Length..].TrimStart('.').Replace('.', Path.DirectorySeparatorChar);
        return Path.Combine(ModulesDir, relative);
    }

    private static string Relative(string path) => Path.GetRelativePath(Root, path);

    /// <summary>A top-level type (nested ones are the file's own business): declared at the start of a line.</summary>
    [GeneratedRegex(@"^(?:public |internal )?(?:sealed |static |abstract |partial |readonly )*(?:class|record|struct|interface|enum)\s+(?:struct\s+|class\s+)?([A-Z][A-Za-z0-9_]*)", RegexOptions.Multiline)]
    private static partial Regex DeclaredTypes();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IsolationBench.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("tests run from inside the repository");
    }
}
