using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;
using Constructs;
using MetalFests.Deploy.Api;

namespace MetalFests.Deploy.Edge;

/// <summary>
/// CloudFront: the website from a private bucket (origin access control) by default, the API for
/// <c>/api/*</c> cached as its <c>Cache-Control</c> says, admin paths never cached, WAF in front.
/// </summary>
public sealed class EdgeDistribution : Construct
{
    public const string ApiPattern = "/api/*";
    public const string AdminPattern = "/api/admin/*";

    public Distribution Distribution { get; }
    public Bucket WebsiteBucket { get; }

    public EdgeDistribution(Construct scope, string id, DeploymentProps props, RestApi api, string webAclArn) : base(scope, id)
    {
        WebsiteBucket = new Bucket(this, "Website", new BucketProps
        {
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            RemovalPolicy = RemovalPolicy.DESTROY,
            AutoDeleteObjects = true,
        });

        // The API's address built from its id alone, not from its stage: the distribution then depends on
        // the RestApi resource only, and the functions (whose environment names the distribution) can sit
        // behind the API's methods without a cycle (distribution → API stage → methods → functions → distribution).
        var apiOrigin = new HttpOrigin($"{api.RestApiId}.execute-api.{Stack.Of(this).Region}.{Aws.URL_SUFFIX}", new HttpOriginProps
        {
            OriginPath = "/" + PublicApi.StageName,
            ProtocolPolicy = OriginProtocolPolicy.HTTPS_ONLY,
        });
        var apiRequests = OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER;

        Distribution = new Distribution(this, "Distribution", new DistributionProps
        {
            Comment = $"{props.StackPrefix}: website and API",
            DefaultRootObject = "index.html",
            WebAclId = webAclArn,
            HttpVersion = HttpVersion.HTTP2_AND_3,
            PriceClass = PriceClass.PRICE_CLASS_100,
            MinimumProtocolVersion = SecurityPolicyProtocol.TLS_V1_2_2021,
            DefaultBehavior = new BehaviorOptions
            {
                Origin = S3BucketOrigin.WithOriginAccessControl(WebsiteBucket),
                ViewerProtocolPolicy = ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                CachePolicy = CachePolicy.CACHING_OPTIMIZED,
                ResponseHeadersPolicy = ResponseHeaders.Website(this),
                Compress = true,
            },
            AdditionalBehaviors = new Dictionary<string, IBehaviorOptions>
            {
                [AdminPattern] = new BehaviorOptions
                {
                    Origin = apiOrigin,
                    ViewerProtocolPolicy = ViewerProtocolPolicy.HTTPS_ONLY,
                    AllowedMethods = AllowedMethods.ALLOW_ALL,
                    CachePolicy = CachePolicy.CACHING_DISABLED,
                    OriginRequestPolicy = apiRequests,
                    ResponseHeadersPolicy = ResponseHeaders.AdminApi(this, props.AdminOrigins),
                    Compress = true,
                },
                [ApiPattern] = new BehaviorOptions
                {
                    Origin = apiOrigin,
                    ViewerProtocolPolicy = ViewerProtocolPolicy.HTTPS_ONLY,
                    // Writes use public paths too (the seed's PUT /api/bands/{key}); CloudFront never caches them.
                    AllowedMethods = AllowedMethods.ALLOW_ALL,
                    CachedMethods = CachedMethods.CACHE_GET_HEAD_OPTIONS,
                    CachePolicy = ApiCachePolicy.Create(this, "ApiCache"),
                    OriginRequestPolicy = apiRequests,
                    ResponseHeadersPolicy = ResponseHeaders.PublicApi(this),
                    Compress = true,
                },
            },
        });

        if (Directory.Exists(props.WebsitePath))
        {
            _ = new BucketDeployment(this, "WebsiteFiles", new BucketDeploymentProps
            {
                Sources = [Source.Asset(props.WebsitePath)],
                DestinationBucket = WebsiteBucket,
                Distribution = Distribution,
                DistributionPaths = ["/*"],
            });
        }
        else
        {
            var message = $"No website at {props.WebsitePath} (build MetalFests.Web first): the website bucket is deployed empty.";
            Annotations.Of(this).AddWarningV2("metalfests:no-website", message);
            Console.Error.WriteLine(message);
        }
    }
}
