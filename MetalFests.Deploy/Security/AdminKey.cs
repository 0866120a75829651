using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SecretsManager;
using Amazon.CDK.CustomResources;
using Constructs;
using MetalFests.ServiceDefaults.Security;

namespace MetalFests.Deploy.Security;

/// <summary>
/// The admin API key, generated in Secrets Manager at deploy time: API Gateway's key takes its value
/// by reference (never in the template in clear), and the services get only its SHA-256, computed by a
/// small custom resource, as <c>ApiKeys:0:Hash</c> — the same shape the AppHost gives them locally.
/// </summary>
public sealed class AdminKey : Construct
{
    /// <summary>The key's public id: what logs, traces and the audit name.</summary>
    public const string KeyId = "admin";

    public ISecret Secret { get; }
    public IApiKey ApiKey { get; }
    public string Hash { get; }

    public AdminKey(Construct scope, string id) : base(scope, id)
    {
        Secret = new Secret(this, "Secret", new SecretProps
        {
            Description = "MetalFests admin API key (X-Api-Key), full permission",
            // The same rule as every key (ApiKeyRules): as long as the AppHost's generated key, letters and digits only.
            GenerateSecretString = new SecretStringGenerator { PasswordLength = ApiKeyRules.GeneratedLength, ExcludePunctuation = true, IncludeSpace = false },
        });
        ApiKey = new ApiKey(this, "ApiKey", new ApiKeyProps
        {
            Description = "MetalFests admin key (value: the secret)",
            Value = Secret.SecretValue.UnsafeUnwrap(),
        });

        var hasher = new Function(this, "Hasher", new FunctionProps
        {
            Description = "Computes the SHA-256 of the MetalFests admin key for the services' configuration",
            Runtime = Runtime.NODEJS_20_X,
            Handler = "index.handler",
            Code = Code.FromInline(MetalFests.Deploy.EmbeddedScript.Read<AdminKey>("hash-secret.js")),
            Timeout = Duration.Seconds(30),
        });
        Secret.GrantRead(hasher);
        var provider = new Provider(this, "HashProvider", new ProviderProps { OnEventHandler = hasher });
        var hash = new CustomResource(this, "Hash", new CustomResourceProps
        {
            ServiceToken = provider.ServiceToken,
            Properties = new Dictionary<string, object> { ["SecretId"] = Secret.SecretArn },
        });
        Hash = hash.GetAttString("Hash");
    }
}
