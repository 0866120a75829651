using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;
using Constructs;
using MetalFests.Deploy.Api;
using MetalFests.Gateway.Routing;
using MetalFests.Gateway.Website;

namespace MetalFests.Deploy.Edge;

/// <summary>
/// CloudFront: the website from a private bucket (origin access control) by default, the API for
/// each public route cached as its <c>Cache-Control</c> says, admin paths and the rest of <c>/api/*</c> never
/// cached, WAF in front.
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
        var publicApiHeaders = ResponseHeaders.PublicApi(this);

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
                ResponseHeadersPolicy = ResponseHeaders.Website(this, props.WebsitePath),
                Compress = true,
                FunctionAssociations =
                [
                    new FunctionAssociation { EventType = FunctionEventType.VIEWER_REQUEST, Function = PagePath() },
                ],
            },
            // In order: CloudFront takes the first pattern that matches.
            AdditionalBehaviors = new Dictionary<string, IBehaviorOptions>(
            [
                KeyValuePair.Create(AdminPattern, Uncached(apiOrigin, ResponseHeaders.AdminApi(this, props.AdminOrigins))),
                .. PublicReads(apiOrigin, publicApiHeaders),
                // The rest of /api (no route of the gateway's either): never cached, everything forwarded.
                KeyValuePair.Create(ApiPattern, Uncached(apiOrigin, publicApiHeaders)),
            ]),
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

    /// <summary>Admin paths and unknown ones: never cached, every query string and header but Host forwarded.</summary>
    private static IBehaviorOptions Uncached(IOrigin apiOrigin, IResponseHeadersPolicy headers) =>
        Api(apiOrigin, CachePolicy.CACHING_DISABLED, OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER, headers);

    /// <summary>
    /// Every API behaviour: HTTPS, every method (writes use public paths too, the seed's PUT /api/bands/{key};
    /// CloudFront never caches them), compressed.
    /// </summary>
    private static IBehaviorOptions Api(IOrigin apiOrigin, ICachePolicy cache, IOriginRequestPolicy requests, IResponseHeadersPolicy headers) => new BehaviorOptions
    {
        Origin = apiOrigin,
        ViewerProtocolPolicy = ViewerProtocolPolicy.HTTPS_ONLY,
        AllowedMethods = AllowedMethods.ALLOW_ALL,
        CachedMethods = CachedMethods.CACHE_GET_HEAD_OPTIONS,
        CachePolicy = cache,
        OriginRequestPolicy = requests,
        ResponseHeadersPolicy = headers,
        Compress = true,
    };

    /// <summary>
    /// A behaviour per public route prefix (<see cref="QueryParameters.ByRoute"/>, every version): the key
    /// and the origin request carry that route's query parameters only; one cache policy and one origin
    /// request policy per distinct list of them.
    /// </summary>
    private IEnumerable<KeyValuePair<string, IBehaviorOptions>> PublicReads(IOrigin apiOrigin, IResponseHeadersPolicy headers)
    {
        var policies = new Dictionary<string, (ICachePolicy Cache, IOriginRequestPolicy Requests)>(StringComparer.Ordinal);
        foreach (var (prefix, names) in QueryParameters.ByRoute)
        {
            var list = string.Join(",", names);
            if (!policies.TryGetValue(list, out var policy))
            {
                var id = $"Query({list})";
                policy = (ApiCachePolicy.Create(this, "ApiCache" + id, names), ApiOriginRequests.Create(this, "ApiRequests" + id, names));
                policies[list] = policy;
            }
            var behaviour = Api(apiOrigin, policy.Cache, policy.Requests, headers);
            foreach (var pattern in PublicRoutePatterns.Of(prefix))
            {
                yield return KeyValuePair.Create(pattern, behaviour);
            }
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
