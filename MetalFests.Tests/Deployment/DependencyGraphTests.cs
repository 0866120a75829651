using System.Text.Json.Nodes;

namespace MetalFests.Tests.Deployment;

/// <summary>
/// CloudFormation refuses a template whose resources depend on each other in a circle, and CDK only
/// checks across stacks. The distribution names the API, the API's methods name the functions, and the
/// functions' environment names the distribution: the graph must still be acyclic.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class DependencyGraphTests(SynthesizedApp app)
{
    [Fact]
    public void MainStackHasNoDependencyCycle()
    {
        var resources = app.MainJson["Resources"]!.AsObject();
        var edges = resources.ToDictionary(r => r.Key, r => References(r.Value!).Where(resources.ContainsKey).ToHashSet());
        var state = new Dictionary<string, int>();
        List<string>? cycle = null;

        bool Visit(string node, List<string> path)
        {
            state[node] = 1;
            foreach (var next in edges[node])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    cycle = [.. path.SkipWhile(n => n != next), next];
                    return true;
                }
                if (state.GetValueOrDefault(next) == 0 && Visit(next, [.. path, next]))
                {
                    return true;
                }
            }
            state[node] = 2;
            return false;
        }

        foreach (var node in edges.Keys.Where(n => state.GetValueOrDefault(n) == 0))
        {
            Assert.False(Visit(node, [node]), "cycle: " + string.Join(" → ", cycle ?? []));
        }
    }

    [Fact]
    public void FunctionsDependOnTheDistributionAndTheDistributionOnTheApi()
    {
        var resources = app.MainJson["Resources"]!.AsObject();
        var distribution = app.Resources("AWS::CloudFront::Distribution").Single();
        var api = app.Resources("AWS::ApiGateway::RestApi").Single().Id;
        Assert.Contains(api, References(distribution.Resource));
        foreach (var function in app.Resources("AWS::Lambda::Function").Where(f => f.Resource["Properties"]!["Runtime"]?.GetValue<string>() == "provided.al2023"))
        {
            Assert.Contains(distribution.Id, References(function.Resource));
        }
        Assert.NotEmpty(resources);
    }

    /// <summary>Every resource a resource refers to: Ref, Fn::GetAtt, ${…} in Fn::Sub, DependsOn.</summary>
    private static IEnumerable<string> References(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key switch
        {
            "Ref" when p.Value is JsonValue v => [v.GetValue<string>()],
            "Fn::GetAtt" when p.Value is JsonArray a => [a[0]!.GetValue<string>()],
            "Fn::Sub" => SubReferences(p.Value!),
            "DependsOn" => p.Value is JsonArray many ? many.Select(d => d!.GetValue<string>()) : [p.Value!.GetValue<string>()],
            _ => References(p.Value!),
        }),
        JsonArray a => a.Where(n => n is not null).SelectMany(n => References(n!)),
        _ => [],
    };

    private static IEnumerable<string> SubReferences(JsonNode sub)
    {
        var text = sub is JsonArray a ? a[0]!.GetValue<string>() : sub.GetValue<string>();
        var inner = sub is JsonArray b && b.Count > 1 ? References(b[1]!) : [];
        return System.Text.RegularExpressions.Regex.Matches(text, @"\$\{([^}.!]+)[^}]*\}").Select(m => m.Groups[1].Value).Concat(inner);
    }
}
