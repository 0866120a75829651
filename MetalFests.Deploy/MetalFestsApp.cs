using Amazon.CDK;
using MetalFests.Deploy.Edge;

namespace MetalFests.Deploy;

/// <summary>The deployment's two stacks: the WAF web ACL in us-east-1, everything else in the chosen region.</summary>
public static class MetalFestsApp
{
    public sealed record Stacks(FirewallStack Firewall, MetalFestsStack Main);

    public static Stacks Build(App app, DeploymentProps props)
    {
        var firewall = new FirewallStack(app, $"{props.StackPrefix}-Firewall", props);
        var main = new MetalFestsStack(app, props.StackPrefix, props, firewall);
        return new Stacks(firewall, main);
    }
}
