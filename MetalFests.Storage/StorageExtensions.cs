using Amazon.DynamoDBv2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

using MetalFests.Storage;
using MetalFests.Storage.Reads;
using MetalFests.Storage.Stores;
using MetalFests.Storage.Writes;

public static class StorageExtensions
{
    public const string HealthCheckName = "dynamodb";

    /// <summary>The DynamoDB client, the table and a readiness check on it (reachable and loaded).</summary>
    public static TBuilder AddMetalFestsStorage<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.SectionName));
        builder.Services.AddSingleton(sp => DynamoDbClientFactory.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        builder.Services.AddSingleton<MetalFestsTable>();
        builder.Services.AddSingleton<TableReadiness>();
        builder.Services.AddSingleton<PartitionCache>();
        builder.Services.AddSingleton<FestivalsStore>();
        builder.Services.AddSingleton<CatalogStore>();
        builder.Services.AddSingleton<AdminStore>();
        builder.Services.AddSingleton<AliasStore>();
        builder.Services.AddSingleton<TableWriter>();
        builder.Services.AddSingleton<FestivalWrites>();
        builder.Services.AddSingleton<BandWrites>();
        builder.Services.AddSingleton<CatalogWrites>();
        builder.Services.AddHealthChecks().AddCheck<TableHealthCheck>(HealthCheckName);
        return builder;
    }
}
