using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using MetalFests.Deploy;

namespace MetalFests.Tests.Deployment;

/// <summary>
/// The CDK app synthesized once for every deployment test: with a stub in place of the published
/// functions (no publish here), and its own TMPDIR (jsii unpacks its bundles there), removed afterwards.
/// </summary>
public sealed class SynthesizedApp : IDisposable
{
    public const string Region = "eu-west-1";
    private readonly string _folder = Directory.CreateTempSubdirectory("metalfests-cdk-").FullName;

    public SynthesizedApp()
    {
        // Only while jsii starts its node process (which keeps this TMPDIR for its life): the rest of the
        // test run (the Aspire fixtures) must keep the machine's temp folder.
        var machineTemp = System.Environment.GetEnvironmentVariable("TMPDIR");
        System.Environment.SetEnvironmentVariable("TMPDIR", _folder);
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        try
        {
            (Props, Main, Firewall, MainJson) = Synthesize();
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("TMPDIR", machineTemp);
        }
    }

    /// <summary>This fixture's own folder (removed afterwards), for any further synthesis.</summary>
    public string Folder => _folder;

    private (DeploymentProps, Template, Template, JsonObject) Synthesize()
    {
        var stub = Directory.CreateDirectory(Path.Combine(_folder, "stub-code")).FullName;
        File.WriteAllText(Path.Combine(stub, "bootstrap"), "#!/bin/sh\n");
        var website = Directory.CreateDirectory(Path.Combine(_folder, "stub-website")).FullName;
        File.WriteAllText(Path.Combine(website, "index.html"), $$"""<!doctype html><meta name="metalfests:tiles" content="{{TileServer}}/{z}/{x}/{y}.png"><title>MetalFests</title>""");
        Directory.CreateDirectory(Path.Combine(website, "js"));
        File.WriteAllText(Path.Combine(website, FingerprintedFile), "export {};");
        File.WriteAllText(Path.Combine(website, "asset-manifest.json"), $$"""{ "immutable": ["{{FingerprintedFile}}"] }""");

        var props = new DeploymentProps
        {
            Account = "123456789012",
            Region = Region,
            PrebuiltCodePath = stub,
            WebsitePath = website,
        };
        var outdir = Path.Combine(_folder, "cdk.out");
        var app = new App(new AppProps { Outdir = outdir });
        var stacks = MetalFestsApp.Build(app, props);
        // One synthesis for both stacks (Template.FromStack would synthesize the whole app per call).
        var assembly = app.Synth();
        var main = File.ReadAllText(Path.Combine(outdir, assembly.GetStackByName(stacks.Main.StackName).TemplateFile));
        var firewall = File.ReadAllText(Path.Combine(outdir, assembly.GetStackByName(stacks.Firewall.StackName).TemplateFile));
        return (props, Template.FromString(main), Template.FromString(firewall), JsonNode.Parse(main)!.AsObject());
    }

    /// <summary>The map's tile server the stub website's page names, as the build writes it (<c>metalfests:tiles</c>).</summary>
    public const string TileServer = "https://tiles.example.org";

    /// <summary>The stub website's one fingerprinted file, listed in its asset-manifest.json as the build writes it.</summary>
    public const string FingerprintedFile = "js/app.0123456789.js";

    public DeploymentProps Props { get; }
    public Template Main { get; }
    public Template Firewall { get; }

    /// <summary>The main template as JSON, for questions the assertion library does not ask (paths, graphs).</summary>
    public JsonObject MainJson { get; }

    /// <summary>CloudFront's managed CachingDisabled policy (its documented id).</summary>
    public const string CachingDisabled = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

    /// <summary>The distribution's configuration.</summary>
    public JsonNode Distribution => Resources("AWS::CloudFront::Distribution").Single().Resource["Properties"]!["DistributionConfig"]!;

    /// <summary>
    /// The behaviour CloudFront applies to a path: the first cache behaviour whose pattern (a glob: <c>*</c>
    /// any characters, <c>?</c> one) matches, in their order, else the default one.
    /// </summary>
    public JsonNode BehaviourFor(string path) =>
        Distribution["CacheBehaviors"]!.AsArray().FirstOrDefault(b => Glob(b!["PathPattern"]!.GetValue<string>()).IsMatch(path))
        ?? Distribution["DefaultCacheBehavior"]!;

    /// <summary>The properties (the <c>…Config</c> inside) of the resource a behaviour's <c>{"Ref"}</c> names.</summary>
    public JsonNode Referenced(JsonNode reference, string config) =>
        MainJson["Resources"]![reference["Ref"]!.GetValue<string>()]!["Properties"]![config]!;

    private static System.Text.RegularExpressions.Regex Glob(string pattern) =>
        new("^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$");

    public IEnumerable<(string Id, JsonObject Resource)> Resources(string type) =>
        MainJson["Resources"]!.AsObject()
            .Where(r => r.Value!["Type"]!.GetValue<string>() == type)
            .Select(r => (r.Key, r.Value!.AsObject()));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // jsii's node process may still hold a file for a moment; the folder is in the temp area anyway.
        }
    }
}

/// <summary>
/// Runs alone (after the parallel collections): while jsii starts, TMPDIR points at the fixture's
/// folder, which no other test's temp files may land in, since the fixture removes it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeploymentCollection : ICollectionFixture<SynthesizedApp>
{
    public const string Name = "deployment";
}
