using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;
using MetalFests.Api.Invalidation;
using MetalFests.Api.Invalidation.CloudFront;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class CacheInvalidationExtensions
{
    /// <summary>CloudFront's signing name and the region its API lives in.</summary>
    public const string CloudFrontService = "cloudfront";
    public static readonly RegionEndpoint CloudFrontRegion = RegionEndpoint.USEast1;

    /// <summary>The <see cref="ICacheInvalidator"/> that <c>CacheInvalidation:Provider</c> names, for a service that writes.</summary>
    public static TBuilder AddCacheInvalidation<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var section = builder.Configuration.GetSection(CacheInvalidationOptions.SectionName);
        builder.Services.Configure<CacheInvalidationOptions>(section);
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Add(InvalidationJsonContext.Default));
        var options = section.Get<CacheInvalidationOptions>() ?? new();
        if (!options.UsesCloudFront)
        {
            builder.Services.AddHttpContextAccessor();
            builder.Services.AddSingleton<ICacheInvalidator, EdgeHandoff>();
            return builder;
        }
        builder.Services.TryAddSingleton(new CloudFrontCredentials(new DefaultChainCredentials()));
        builder.Services.AddSingleton<PageRelations>();
        builder.Services.AddSingleton<ICacheInvalidator, CloudFrontInvalidator>();
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers, below
        builder.Services.AddHttpClient<CloudFrontClient>((sp, client) =>
            {
                var current = sp.GetRequiredService<IOptions<CacheInvalidationOptions>>().Value;
                client.BaseAddress = current.Endpoint;
                client.Timeout = current.Timeout;
            })
            // A write waits for one attempt at most (a failure is reported, not retried): no standard resilience
            // handler here (marked experimental, the one way to take off what the service defaults add to every client).
            .RemoveAllResilienceHandlers()
            // The signer is the transport's front: redirects would otherwise be followed unsigned.
            .ConfigurePrimaryHttpMessageHandler(sp => new SigV4SigningHandler(
                sp.GetRequiredService<CloudFrontCredentials>().Value, CloudFrontRegion, CloudFrontService,
                new SocketsHttpHandler { AllowAutoRedirect = false }));
#pragma warning restore EXTEXP0001
        return builder;
    }

    /// <summary>
    /// Deployed with CloudFront there is no gateway to answer the cache admin paths: this service answers them
    /// (the gateway's route table sends them here when deployed).
    /// </summary>
    public static WebApplication MapInvalidationApiWithoutGateway(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<CacheInvalidationOptions>>().Value.UsesCloudFront)
        {
            app.MapInvalidationApi();
        }
        return app;
    }
}

/// <summary>The credentials CloudFront calls are signed with (tests give their own).</summary>
public sealed record CloudFrontCredentials(AWSCredentials Value);

/// <summary>
/// The default AWS credential chain (on Lambda: the function role's environment credentials), resolved at the
/// first call rather than at start-up, and again after a failure.
/// </summary>
internal sealed class DefaultChainCredentials : AWSCredentials
{
    private readonly Lazy<AWSCredentials> _resolved = new(() => DefaultAWSCredentialsIdentityResolver.GetCredentials(), LazyThreadSafetyMode.PublicationOnly);

    public override ImmutableCredentials GetCredentials() => _resolved.Value.GetCredentials();

    public override Task<ImmutableCredentials> GetCredentialsAsync() => _resolved.Value.GetCredentialsAsync();
}
