using YamlDotNet.RepresentationModel;

namespace IsolationBench.Cli.Tests;

/// <summary>Reads a workflow under .github/workflows for the lint tests (they cannot run the workflows here).</summary>
internal static class WorkflowYaml
{
    public static string PathOf(string fileName) => Path.Combine(CliRunner.RepositoryRoot, ".github", "workflows", fileName);

    public static YamlMappingNode Root(string fileName)
    {
        var yaml = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(PathOf(fileName)));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public static YamlMappingNode Job(YamlMappingNode root, string name) => (YamlMappingNode)Get((YamlMappingNode)Get(root, "jobs")!, name)!;
}
