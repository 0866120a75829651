using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using MetalFests.Gateway.Cors;
using MetalFests.Gateway.RateLimiting;

namespace MetalFests.Deploy.Api;

/// <summary>
/// API Gateway (REST) in front of the two functions: the routes of <see cref="ApiRoutes"/> (a Lambda
/// proxy per path prefix), the seed's usage plans and limits (<see cref="RateLimitOptions"/>' defaults),
/// API keys where the seed wants them (every write, every admin path), CORS preflight as the gateway
/// answers it, and API Gateway's own refusals in the error envelope (<see cref="GatewayErrors"/>). API
/// Gateway can check that a path parameter is present, not its form: the key, year and query rules stay in the
/// services, which own them.
/// </summary>
public sealed class PublicApi : Construct
{
    public const string StageName = "v1";

    public RestApi Api { get; }

    public PublicApi(Construct scope, string id, DeploymentProps props, IReadOnlyDictionary<string, IFunction> functions, IApiKey adminKey) : base(scope, id)
    {
        var limits = new RateLimitOptions();
        Api = new RestApi(this, "Api", new RestApiProps
        {
            RestApiName = $"{props.StackPrefix}-api",
            Description = "MetalFests public and admin API",
            EndpointTypes = [EndpointType.REGIONAL],
            ApiKeySourceType = ApiKeySourceType.HEADER,
            CloudWatchRole = true,
            DeployOptions = new StageOptions
            {
                StageName = StageName,
                // Keyless public traffic is not metered by a usage plan: the stage's default applies to it.
                ThrottlingRateLimit = limits.PublicRatePerSecond,
                ThrottlingBurstLimit = limits.PublicBurst,
                MetricsEnabled = true,
                TracingEnabled = true,
            },
        });

        // What API Gateway answers itself (unknown path, missing key, throttling, timeouts) in the envelope too.
        GatewayErrors.AddTo(Api, limits);

        var validator = Api.AddRequestValidator("Parameters", new RequestValidatorOptions { ValidateRequestParameters = true });
        var integrations = functions.ToDictionary(f => f.Key, f => new LambdaIntegration(f.Value, new LambdaIntegrationOptions { AllowTestInvoke = false }));
        foreach (var route in ApiRoutes.All)
        {
            var resource = Api.Root.ResourceForPath(route.Path);
            AddMethods(resource, route, integrations[route.Service], validator, props, pathParameter: null);
            if (route.CatchAll)
            {
                AddMethods(resource.AddProxy(new ProxyResourceOptions { AnyMethod = false }), route, integrations[route.Service], validator, props, pathParameter: "proxy");
            }
        }

        var publicPlan = Api.AddUsagePlan("PublicPlan", new UsagePlanProps
        {
            Name = $"{props.StackPrefix}-public",
            Description = "Public reads (the seed's public plan); keyless callers get the stage's same limits",
            Throttle = new ThrottleSettings { RateLimit = limits.PublicRatePerSecond, BurstLimit = limits.PublicBurst },
        });
        publicPlan.AddApiStage(new UsagePlanPerApiStage { Api = Api, Stage = Api.DeploymentStage });

        var adminPlan = Api.AddUsagePlan("AdminPlan", new UsagePlanProps
        {
            Name = $"{props.StackPrefix}-admin",
            Description = "Admin API keys (the seed's admin plan)",
            Throttle = new ThrottleSettings { RateLimit = limits.AdminRatePerSecond, BurstLimit = limits.AdminBurst },
            Quota = new QuotaSettings { Limit = limits.AdminMonthlyQuota, Period = Period.MONTH },
        });
        adminPlan.AddApiStage(new UsagePlanPerApiStage { Api = Api, Stage = Api.DeploymentStage });
        adminPlan.AddApiKey(adminKey);
    }

    private static void AddMethods(Amazon.CDK.AWS.APIGateway.IResource resource, ApiRoute route, LambdaIntegration integration, IRequestValidator validator, DeploymentProps props, string? pathParameter)
    {
        var parameters = pathParameter is null ? null : new Dictionary<string, bool> { [$"method.request.path.{pathParameter}"] = true };
        MethodOptions Options(bool keyRequired) => new()
        {
            ApiKeyRequired = keyRequired,
            RequestValidator = parameters is null ? null : validator,
            RequestParameters = parameters,
        };

        if (route.Admin)
        {
            resource.AddMethod("ANY", integration, Options(keyRequired: true));
            if (props.AdminOrigins.Count > 0)
            {
                resource.AddCorsPreflight(new CorsOptions
                {
                    AllowOrigins = [.. props.AdminOrigins],
                    AllowMethods = Cors.ALL_METHODS,
                    AllowHeaders = [.. CorsPolicies.AdminHeaders],
                });
            }
            return;
        }

        // Public reads without a key; anything else on a public path (the seed's PUT examples) is a write.
        foreach (var method in CorsPolicies.PublicMethods)
        {
            resource.AddMethod(method, integration, Options(keyRequired: false));
        }
        resource.AddMethod("ANY", integration, Options(keyRequired: true));
        resource.AddCorsPreflight(new CorsOptions
        {
            AllowOrigins = Cors.ALL_ORIGINS,
            AllowMethods = [.. CorsPolicies.PublicMethods],
            AllowHeaders = [.. CorsPolicies.PublicHeaders],
        });
    }
}
