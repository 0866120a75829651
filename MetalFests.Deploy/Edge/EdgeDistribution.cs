using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;
using Constructs;
using MetalFests.Deploy.Api;
using MetalFests.Gateway.Website;

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
                FunctionAssociations =
                [
                    new FunctionAssociation { EventType = FunctionEventType.VIEWER_REQUEST, Function = PagePath() },
                ],
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
            UploadWebsite(props.WebsitePath);
        }
        else
        {
            var message = $"No website at {props.WebsitePath} (build MetalFests.Web first): the website bucket is deployed empty.";
            Annotations.Of(this).AddWarningV2("metalfests:no-website", message);
            Console.Error.WriteLine(message);
        }
    }

    /// <summary><c>/map</c>, <c>/admin/bands/</c> → <c>…/index.html</c>: S3 serves files only (see page-path.js).</summary>
    private Function PagePath() => new(this, "PagePath", new FunctionProps
    {
        Comment = "MetalFests: a page's address to its index.html",
        Runtime = FunctionRuntime.JS_2_0,
        Code = FunctionCode.FromInline(EmbeddedScript.Read<EdgeDistribution>("page-path.js")),
    });

    /// <summary>
    /// The website in two uploads, as the local gateway serves it: the files the build fingerprinted
    /// (its asset manifest) cached for a year, everything else (pages, stable names) revalidated. Each
    /// upload leaves the other's files alone (files a deployment excludes are never pruned).
    /// </summary>
    private void UploadWebsite(string websitePath)
    {
        var manifest = Path.Combine(websitePath, AssetManifest.FileName);
        string[] immutable = File.Exists(manifest) ? [.. AssetManifest.ReadFiles(manifest).Order(StringComparer.Ordinal)] : [];
        // The pages name the fingerprinted files: those are in place first. (Made first too: the uploads share
        // one handler, whose AWS CLI layer lives in the first upload made; made second, the layer would
        // depend on its own user.)
        BucketDeployment? assets = immutable.Length == 0 ? null : new BucketDeployment(this, "WebsiteAssets", new BucketDeploymentProps
        {
            Sources = [Source.Asset(websitePath)],
            DestinationBucket = WebsiteBucket,
            Exclude = ["*"],
            Include = immutable,
            CacheControl = [CacheControl.FromString(AssetManifest.ImmutableCacheControl)],
        });
        var pages = new BucketDeployment(this, "WebsiteFiles", new BucketDeploymentProps
        {
            Sources = [Source.Asset(websitePath)],
            DestinationBucket = WebsiteBucket,
            Exclude = immutable,
            CacheControl = [CacheControl.FromString(AssetManifest.RevalidateCacheControl)],
            Distribution = Distribution,
            DistributionPaths = ["/*"],
        });
        if (assets is not null)
        {
            pages.Node.AddDependency(assets);
        }
    }
}
