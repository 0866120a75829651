using Asp.Versioning;
using Asp.Versioning.Builder;
using MetalFests.Api.Versioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The public API versioned with Asp.Versioning: the versions of <see cref="ApiVersions"/>, their policies from configuration.</summary>
public static class VersioningExtensions
{
    /// <summary>
    /// A request without a version means version 1; every versioned answer reports the versions
    /// (<c>api-supported-versions</c>) and, once configured, its version's deprecation and sunset.
    /// </summary>
    public static IServiceCollection AddApiVersions(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddApiVersioning(options =>
        {
            options.DefaultApiVersion = ApiVersions.V1;
            options.AssumeDefaultVersionWhenUnspecified = true;
            options.ReportApiVersions = true;
            options.ApiVersionReader = new VersionPathReader();
            foreach (var (version, policy) in VersionPolicy.Read(configuration))
            {
                policy.ApplyTo(options, version);
            }
        });
        return services;
    }

    /// <summary>
    /// Maps a public resource's reads once per version: at <paramref name="v1Path"/> for version 1 and at
    /// <see cref="ApiVersions.PathOf"/> for later ones, each in its version's OpenAPI document. <paramref name="map"/>
    /// maps the endpoints of one version (it may map a version differently); endpoint names of later versions get
    /// the version as suffix (<c>ListBandsV2</c>) so that every operation keeps a unique name.
    /// </summary>
    public static IEndpointRouteBuilder MapVersions(this IEndpointRouteBuilder app, string v1Path, Action<RouteGroupBuilder, ApiVersion> map)
    {
        var versioned = app.NewVersionedApi();
        foreach (var version in ApiVersions.All)
        {
            var group = versioned.MapGroup(ApiVersions.PathOf(version, v1Path)).HasApiVersion(version).WithGroupName(ApiVersions.DocumentName(version));
            map(group, version);
            if (version != ApiVersions.V1)
            {
                ((IEndpointConventionBuilder)group).Finally(endpoint => SuffixName(endpoint, version));
            }
        }
        return app;
    }

    private static void SuffixName(EndpointBuilder endpoint, ApiVersion version)
    {
        var suffix = ApiVersions.DocumentName(version).ToUpperInvariant();
        foreach (var name in endpoint.Metadata.OfType<IEndpointNameMetadata>().ToList())
        {
            endpoint.Metadata.Remove(name);
            endpoint.Metadata.Add(new EndpointNameMetadata(name.EndpointName + suffix));
        }
        foreach (var name in endpoint.Metadata.OfType<IRouteNameMetadata>().ToList())
        {
            endpoint.Metadata.Remove(name);
            endpoint.Metadata.Add(new RouteNameMetadata(name.RouteName + suffix));
        }
    }
}
