using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using MetalFests.Deploy.Api;
using MetalFests.Deploy.Data;
using MetalFests.Deploy.Edge;
using MetalFests.Deploy.Functions;
using MetalFests.Deploy.Security;

namespace MetalFests.Deploy;

/// <summary>
/// The seed's architecture: CloudFront (+ WAF) → API Gateway → the two service functions → the
/// DynamoDB table, with alarms and a dashboard.
/// </summary>
public sealed class MetalFestsStack : Stack
{
    public MetalFestsStack(Construct scope, string id, DeploymentProps props, FirewallStack firewall) : base(scope, id, new StackProps
    {
        Env = new Amazon.CDK.Environment { Account = props.Account, Region = props.Region },
        CrossRegionReferences = true,
        Description = "MetalFests: table, service functions, API, CloudFront distribution, monitoring",
    })
    {
        var data = new DataTable(this, "Data", props);
        var adminKey = new AdminKey(this, "AdminKey");
        ServiceFunction[] functions = [.. ServiceProject.All.Select(service => new ServiceFunction(this, service, data.Table, adminKey.Hash, props))];
        var api = new PublicApi(this, "Api", props, functions.ToDictionary(f => f.Service.Name, f => (IFunction)f.Function), adminKey.ApiKey);
        var edge = new EdgeDistribution(this, "Edge", props, api.Api, firewall.WebAclArn);
        foreach (var function in functions)
        {
            // Both services write, and every write invalidates CloudFront's copies of what it changed.
            function.AllowInvalidation(edge.Distribution);
        }
        _ = new Monitoring.Monitoring(this, "Monitoring", props, api.Api, functions, data.Table);

        Output("SiteUrl", $"https://{edge.Distribution.DistributionDomainName}", "The website and, under /api, the API (through CloudFront)");
        Output("DistributionId", edge.Distribution.DistributionId, "CloudFront distribution");
        Output("ApiUrl", api.Api.Url, "API Gateway stage (CloudFront's origin)");
        Output("TableName", data.Table.TableName, "DynamoDB table (the migrator's --table)");
        Output("AdminKeySecretArn", adminKey.Secret.SecretArn, "The admin key: aws secretsmanager get-secret-value --secret-id <this> --query SecretString --output text");
    }

    private void Output(string id, string value, string description) =>
        _ = new CfnOutput(this, id, new CfnOutputProps { Value = value, Description = description });
}
