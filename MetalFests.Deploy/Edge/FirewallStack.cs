using Amazon.CDK;
using Amazon.CDK.AWS.WAFv2;
using Constructs;
using MetalFests.Gateway.RateLimiting;

namespace MetalFests.Deploy.Edge;

/// <summary>
/// The WAF web ACL in front of CloudFront. CloudFront's web ACLs must live in us-east-1, hence a stack
/// of its own there; the distribution's stack reads its ARN through a cross-region reference.
/// Rules: the seed's per-IP limit (<see cref="RateLimitOptions.PerIpLimit"/> per window, answered 429)
/// and AWS's managed common rule set.
/// </summary>
public sealed class FirewallStack : Stack
{
    public const string CloudFrontRegion = "us-east-1";
    public const string PerIpRuleName = "PerIpRateLimit";
    public const string CommonRulesName = "AWSManagedRulesCommonRuleSet";

    public string WebAclArn { get; }

    public FirewallStack(Construct scope, string id, DeploymentProps props) : base(scope, id, new StackProps
    {
        Env = new Amazon.CDK.Environment { Account = props.Account, Region = CloudFrontRegion },
        CrossRegionReferences = true,
        Description = "MetalFests: WAF web ACL for the CloudFront distribution (us-east-1)",
    })
    {
        var limits = new RateLimitOptions();
        var acl = new CfnWebACL(this, "WebAcl", new CfnWebACLProps
        {
            Name = $"{props.StackPrefix}-edge",
            Scope = "CLOUDFRONT",
            DefaultAction = new CfnWebACL.DefaultActionProperty { Allow = new CfnWebACL.AllowActionProperty() },
            VisibilityConfig = Visibility($"{props.StackPrefix}-edge"),
            Rules = new object[]
            {
                new CfnWebACL.RuleProperty
                {
                    Name = PerIpRuleName,
                    Priority = 0,
                    Statement = new CfnWebACL.StatementProperty
                    {
                        RateBasedStatement = new CfnWebACL.RateBasedStatementProperty
                        {
                            Limit = limits.PerIpLimit,
                            EvaluationWindowSec = limits.PerIpWindow.TotalSeconds,
                            AggregateKeyType = "IP",
                        },
                    },
                    Action = new CfnWebACL.RuleActionProperty
                    {
                        Block = new CfnWebACL.BlockActionProperty
                        {
                            CustomResponse = new CfnWebACL.CustomResponseProperty { ResponseCode = 429 },
                        },
                    },
                    VisibilityConfig = Visibility(PerIpRuleName),
                },
                new CfnWebACL.RuleProperty
                {
                    Name = CommonRulesName,
                    Priority = 1,
                    Statement = new CfnWebACL.StatementProperty
                    {
                        ManagedRuleGroupStatement = new CfnWebACL.ManagedRuleGroupStatementProperty
                        {
                            VendorName = "AWS",
                            Name = CommonRulesName,
                            // Admin bodies reach 256 KB (a 150-band line-up); the set's 8 KB body limit would refuse them.
                            RuleActionOverrides = new object[]
                            {
                                new CfnWebACL.RuleActionOverrideProperty
                                {
                                    Name = "SizeRestrictions_BODY",
                                    ActionToUse = new CfnWebACL.RuleActionProperty { Count = new CfnWebACL.CountActionProperty() },
                                },
                            },
                        },
                    },
                    OverrideAction = new CfnWebACL.OverrideActionProperty { None = new Dictionary<string, object>() },
                    VisibilityConfig = Visibility(CommonRulesName),
                },
            },
        });
        WebAclArn = acl.AttrArn;
    }

    private static CfnWebACL.VisibilityConfigProperty Visibility(string metric) => new()
    {
        CloudWatchMetricsEnabled = true,
        MetricName = metric,
        SampledRequestsEnabled = true,
    };
}
