using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MetalFests.Tests.Deployment;

/// <summary>
/// A private S3 origin serves files only: the website's pages (frontend.md: /, /map, /admin,
/// /admin/bands) reach their <c>index.html</c> through a viewer-request CloudFront Function on the
/// default behaviour. The function's JavaScript, as the template carries it, is run with node.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class PagePathFunctionTests(SynthesizedApp app)
{
    private JsonObject Function => app.Resources("AWS::CloudFront::Function").Single().Resource;

    [Fact]
    public void DefaultBehaviourRunsTheFunctionOnViewerRequestsWithTheJs2Runtime()
    {
        var (id, function) = app.Resources("AWS::CloudFront::Function").Single();
        Assert.Equal("cloudfront-js-2.0", function["Properties"]!["FunctionConfig"]!["Runtime"]!.GetValue<string>());
        Assert.True(function["Properties"]!["AutoPublish"]!.GetValue<bool>());
        var association = app.MainJson["Resources"]!.AsObject()
            .Single(r => r.Value!["Type"]!.GetValue<string>() == "AWS::CloudFront::Distribution")
            .Value!["Properties"]!["DistributionConfig"]!["DefaultCacheBehavior"]!["FunctionAssociations"]!.AsArray().Single()!;
        Assert.Equal("viewer-request", association["EventType"]!.GetValue<string>());
        Assert.Equal(id, association["FunctionARN"]!["Fn::GetAtt"]![0]!.GetValue<string>());
        Assert.Equal("FunctionARN", association["FunctionARN"]!["Fn::GetAtt"]![1]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/", "/index.html")]
    [InlineData("/map", "/map/index.html")]
    [InlineData("/map/", "/map/index.html")]
    [InlineData("/admin", "/admin/index.html")]
    [InlineData("/admin/", "/admin/index.html")]
    [InlineData("/admin/bands", "/admin/bands/index.html")]
    [InlineData("/admin/bands/", "/admin/bands/index.html")]
    [InlineData("/index.html", "/index.html")]
    [InlineData("/js/app.5197527cee.js", "/js/app.5197527cee.js")]
    [InlineData("/img/metal-fests.png", "/img/metal-fests.png")]
    [InlineData("/api/festivals", "/api/festivals")]
    [InlineData("/api/bands/metallica", "/api/bands/metallica")]
    public async Task PageAddressesAskForTheirIndexFileAndEverythingElseIsUnchanged(string uri, string expected)
    {
        Assert.Equal(expected, await RunAsync(uri));
    }

    /// <summary>Runs the template's function code in node with a CloudFront viewer-request event; returns the request's uri.</summary>
    private async Task<string> RunAsync(string uri)
    {
        var code = Function["Properties"]!["FunctionCode"]!.GetValue<string>();
        var script = Path.Combine(app.Folder, $"page-path-{Guid.NewGuid():N}.js");
        var harness = """

            const event = { version: "1.0", context: { eventType: "viewer-request" }, viewer: { ip: "192.0.2.1" },
              request: { method: "GET", uri: process.argv[2], querystring: {}, headers: {}, cookies: {} } };
            process.stdout.write(JSON.stringify(handler(event)));
            """;
        await File.WriteAllTextAsync(script, code + harness);
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(uri);
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, await error);
        using var request = JsonDocument.Parse(await output);
        return request.RootElement.GetProperty("uri").GetString()!;
    }
}
