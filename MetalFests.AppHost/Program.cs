using MetalFests.AppHost;
using MetalFests.ServiceDefaults;

var builder = DistributedApplication.CreateBuilder(args);

var table = builder.AddMetalFestsTable();
var adminKey = builder.AddAdminKey();

// Creates the table (locally) and loads data/db.json into it unless its load marker says it is loaded, then exits.
var migrator = builder.AddProject<Projects.MetalFests_Migrator>(ServiceNames.Migrator)
    .WithTable(table)
    .WithArgs(table.Local is null ? ["--if-empty"] : ["--if-empty", "--create-table"]);

var festivals = builder.AddProject<Projects.MetalFests_FestivalsService>(ServiceNames.Festivals)
    .WithTable(table)
    .WithAdminKey(adminKey)
    .WithPinnedToday(builder.Configuration)
    .WaitForCompletion(migrator)
    .WithHttpHealthCheck(ServicePaths.Ready);

var catalog = builder.AddProject<Projects.MetalFests_CatalogService>(ServiceNames.Catalog)
    .WithTable(table)
    .WithAdminKey(adminKey)
    .WaitForCompletion(migrator)
    .WithHttpHealthCheck(ServicePaths.Ready);

builder.AddProject<Projects.MetalFests_Gateway>(ServiceNames.Gateway)
    .WithReference(festivals).WaitFor(festivals)
    .WithReference(catalog).WaitFor(catalog)
    .WithAdminKey(adminKey)
    .WithHttpHealthCheck(ServicePaths.Ready)
    // The gateway itself listens on :5080 (its launch profile): no development proxy in front of the edge.
    .WithEndpoint("http", endpoint => endpoint.IsProxied = false)
    .WithExternalHttpEndpoints();

builder.Build().Run();
