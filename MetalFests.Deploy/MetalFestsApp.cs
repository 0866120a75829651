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
        if (props.Account is null)
        {
            // Without an account CDK cannot wire the WAF ARN across regions (it falls back to an import that
            // only works within one region). The CLI sets CDK_DEFAULT_ACCOUNT from the credentials it deploys with.
            Annotations.Of(main).AddWarningV2("metalfests:no-account", "No AWS account (credentials or -c account=…): this synthesis is for checking, not for deploying.");
        }
        return new Stacks(firewall, main);
    }
}
