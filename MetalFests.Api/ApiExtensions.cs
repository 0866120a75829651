using MetalFests.Api.Http;
using MetalFests.Api.OpenApi;
using MetalFests.Api.Versioning;
using Microsoft.AspNetCore.Builder;
using MetalFests.ServiceDefaults.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class ApiExtensions
{
    /// <summary>What every public API service shares: storage, cache invalidation after writes, the clock, source-generated JSON.</summary>
    public static TBuilder AddPublicApi<TBuilder>(this TBuilder builder, System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver json) where TBuilder : IHostApplicationBuilder
    {
        builder.AddMetalFestsStorage();
        // The table missing is DynamoDB Local restarted (in memory) and not yet loaded again by the migrator: not ready, 503.
        builder.Services.Configure<UnavailableDependencies>(dependencies => dependencies.Signs.Add(e => e is Amazon.DynamoDBv2.Model.ResourceNotFoundException));
        builder.AddCacheInvalidation();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Today>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ReadCapacityStartupFilter>();
        builder.Services.AddSingleton<IApiErrorMapper, MetalFests.Api.Writes.WriteErrors.Mapper>();
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, json);
            options.SerializerOptions.TypeInfoResolverChain.Insert(1, ErrorsJsonContext.Default);
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddApiVersions(builder.Configuration);
        builder.Services.AddVersionDocuments();
        return builder;
    }
}
