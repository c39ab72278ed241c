using IsolationBench.Workloads.Startup.RuntimeDirect;
using System.Text.Json.Nodes;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Tests.Unit.RuntimeDirect;

/// <summary>
/// config.json against what Docker 20.10 generated and recorded for a startup-like container (Recorded/runtime-direct):
/// the harness's limits in, the engine's OCI fields out.
/// </summary>
public sealed class OciConfigTests
{
    private static readonly JsonNode EngineConfig = Load("engine-oci-config.json");
    private static readonly JsonNode EngineInspect = Load("engine-inspect-probe.json");

    /// <summary>What the recorded containers were created with, as the harness asks: locked down, 1 CPU, 1 GiB.</summary>
    private static readonly ContainerLimits Limits = ContainerLimits.LockedDown with { Cpus = 1, MemoryBytes = 1L << 30 };

    [Fact]
    public void Limits_and_lock_down_match_the_engines_own_config_for_the_same_request()
    {
        var ours = OciConfig.Build(new BundleSpec(GuestSleep(), Limits, "fe931aa21953") { Command = ["20"] }, "/x");
        var engine = EngineConfig;

        Assert.True(JsonNode.DeepEquals(engine["linux"]!["resources"]!["memory"]!["limit"], ours["linux"]!["resources"]!["memory"]!["limit"]));
        Assert.True(JsonNode.DeepEquals(engine["linux"]!["resources"]!["memory"]!["swap"], ours["linux"]!["resources"]!["memory"]!["swap"]));
        Assert.True(JsonNode.DeepEquals(engine["linux"]!["resources"]!["cpu"]!["cpus"], ours["linux"]!["resources"]!["cpu"]!["cpus"]));
        Assert.True(JsonNode.DeepEquals(engine["linux"]!["resources"]!["pids"], ours["linux"]!["resources"]!["pids"]));
        Assert.True(JsonNode.DeepEquals(engine["linux"]!["resources"]!["devices"], ours["linux"]!["resources"]!["devices"]));
        Assert.Equal(engine["process"]!["noNewPrivileges"]!.GetValue<bool>(), ours["process"]!["noNewPrivileges"]!.GetValue<bool>());
        Assert.Empty(Capabilities(engine));
        Assert.Empty(Capabilities(ours));
    }

    [Fact]
    public void Namespaces_mounts_masks_and_sysctls_match_the_engines_own_config()
    {
        var ours = OciConfig.Build(new BundleSpec(GuestSleep(), Limits, "fe931aa21953") { Command = ["20"] }, "/x");
        var engine = EngineConfig;

        // Its own network namespace with nothing in it (loopback only), as --network none.
        Assert.Equal(Types(engine["linux"]!["namespaces"]!), Types(ours["linux"]!["namespaces"]!));
        Assert.Contains("network", Types(ours["linux"]!["namespaces"]!));
        Assert.True(JsonNode.DeepEquals(engine["linux"]!["maskedPaths"], ours["linux"]!["maskedPaths"]));
        Assert.True(JsonNode.DeepEquals(engine["linux"]!["readonlyPaths"], ours["linux"]!["readonlyPaths"]));
        Assert.True(JsonNode.DeepEquals(engine["linux"]!["sysctl"], ours["linux"]!["sysctl"]));
        // The engine's own mounts, minus the three files it writes per container for a network the probe does not have.
        var engineMounts = engine["mounts"]!.AsArray().Where(m => m!["type"]!.GetValue<string>() != "bind");
        Assert.True(JsonNode.DeepEquals(new JsonArray([.. engineMounts.Select(m => m!.DeepClone())]), ours["mounts"]));
        Assert.Equal(engine["root"]!["readonly"]?.GetValue<bool>() ?? false, ours["root"]!["readonly"]!.GetValue<bool>());
    }

    [Fact]
    public void User_args_env_and_cwd_follow_the_engines_rules()
    {
        var ours = OciConfig.Build(new BundleSpec(GuestSleep(), Limits, "fe931aa21953") { Command = ["20"] }, "/x");
        var engine = EngineConfig["process"]!;

        Assert.True(JsonNode.DeepEquals(engine["user"], ours["process"]!["user"]));
        Assert.True(JsonNode.DeepEquals(engine["args"], ours["process"]!["args"]));
        Assert.True(JsonNode.DeepEquals(engine["env"], ours["process"]!["env"]));
        Assert.True(JsonNode.DeepEquals(engine["cwd"], ours["process"]!["cwd"]));
        Assert.Equal("fe931aa21953", ours["hostname"]!.GetValue<string>());
    }

    [Fact]
    public void The_probe_bundle_is_made_from_what_the_engine_recorded_for_a_probe_container()
    {
        var config = EngineInspect["Config"]!;
        var host = EngineInspect["HostConfig"]!;
        var image = new ImageProcessConfig(Strings(config["Entrypoint"]), Strings(config["Cmd"]), Strings(config["Env"]), config["User"]?.GetValue<string>() ?? string.Empty, config["WorkingDir"]?.GetValue<string>() ?? string.Empty);
        var spec = BundleSpec.From(new ContainerSpec { Image = "probe", Labels = new Dictionary<string, string>(), Limits = Limits }, image, "h");

        var ours = OciConfig.Build(spec, "/x");

        Assert.Equal(["/isobench-probe"], Strings(ours["process"]!["args"]));
        Assert.Equal(host["Memory"]!.GetValue<long>(), ours["linux"]!["resources"]!["memory"]!["limit"]!.GetValue<long>());
        Assert.Equal(host["MemorySwap"]!.GetValue<long>(), ours["linux"]!["resources"]!["memory"]!["swap"]!.GetValue<long>());
        Assert.Equal(host["CpusetCpus"]!.GetValue<string>(), ours["linux"]!["resources"]!["cpu"]!["cpus"]!.GetValue<string>());
        Assert.Equal(host["PidsLimit"]!.GetValue<long>(), ours["linux"]!["resources"]!["pids"]!["limit"]!.GetValue<long>());
        Assert.Equal(["ALL"], Strings(host["CapDrop"]));
        Assert.Empty(Capabilities(ours));
        Assert.Contains("no-new-privileges:true", Strings(host["SecurityOpt"]));
        Assert.True(ours["process"]!["noNewPrivileges"]!.GetValue<bool>());
        Assert.Equal(host["ReadonlyRootfs"]!.GetValue<bool>(), ours["root"]!["readonly"]!.GetValue<bool>());
        Assert.Equal(host["ShmSize"]!.GetValue<long>(), spec.ShmBytes);
    }

    [Fact]
    public void Without_lock_down_the_engines_default_capabilities_are_kept_and_no_limits_written()
    {
        var ours = OciConfig.Build(new BundleSpec(GuestSleep(), ContainerLimits.None, "h"), "/x");

        Assert.Equal(OciConfig.EngineDefaultCapabilities, Strings(ours["process"]!["capabilities"]!["bounding"]));
        Assert.False(ours["process"]!["noNewPrivileges"]!.GetValue<bool>());
        Assert.Null(ours["linux"]!["resources"]!["memory"]);
        Assert.Null(ours["linux"]!["resources"]!["pids"]);
        Assert.Null(ours["linux"]!["resources"]!["cpu"]);
    }

    [Theory]
    [InlineData("", 0, 0)]
    [InlineData("1000", 1000, 0)]
    [InlineData("1000:1001", 1000, 1001)]
    public void Numeric_users_are_taken(string user, long uid, long gid) =>
        Assert.Equal((uid, gid), OciConfig.ParseUser(user));

    [Theory]
    [InlineData("app")]
    [InlineData("1000:staff")]
    public void A_user_name_is_refused_with_what_to_do(string user)
    {
        var ex = Assert.Throws<NotSupportedException>(() => OciConfig.ParseUser(user));
        Assert.Contains("numeric uid[:gid]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_network_or_bind_mounts_in_the_spec_are_refused()
    {
        var image = new ImageProcessConfig(["/p"], [], [], string.Empty, string.Empty);
        var spec = new ContainerSpec { Image = "probe", Labels = new Dictionary<string, string>() };

        Assert.Throws<ArgumentException>(() => BundleSpec.From(spec with { NetworkMode = "bridge" }, image, "h"));
        Assert.Throws<ArgumentException>(() => BundleSpec.From(spec with { Binds = ["/a:/b"] }, image, "h"));
    }

    [Fact]
    public void Container_env_replaces_the_images_by_name()
    {
        var image = new ImageProcessConfig(["/p"], [], ["PATH=/bin", "A=1"], string.Empty, string.Empty);

        var env = OciConfig.Env(new BundleSpec(image, ContainerLimits.None, "h") { Environment = ["A=2", "B=3"] });

        Assert.Equal(["PATH=/bin", "HOSTNAME=h", "A=2", "B=3"], env);
    }

    /// <summary>The guest image's config with the entrypoint the recorded container was given (--entrypoint sleep).</summary>
    private static ImageProcessConfig GuestSleep()
    {
        var guest = Load("guest-image-config.json");
        return new ImageProcessConfig(["sleep"], [], Strings(guest["Env"]), guest["User"]?.GetValue<string>() ?? string.Empty, guest["WorkingDir"]!.GetValue<string>());
    }

    private static string[] Capabilities(JsonNode config) =>
        config["process"]!["capabilities"] is JsonObject caps ? [.. caps.SelectMany(c => Strings(c.Value))] : [];

    private static string[] Types(JsonNode namespaces) => [.. namespaces.AsArray().Select(n => n!["type"]!.GetValue<string>())];

    private static string[] Strings(JsonNode? array) => array is JsonArray a ? [.. a.Select(v => v!.GetValue<string>())] : [];

    private static JsonNode Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Recorded", "runtime-direct", file)))!;
}
