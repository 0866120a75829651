using System.Diagnostics;
using MetalFests.Migrator;
using MetalFests.Migrator.Migration;
using MetalFests.Migrator.Source;
using MetalFests.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

MigratorCommand command;
try
{
    command = MigratorCommand.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{e.Message}{Environment.NewLine}{MigratorCommand.Usage}");
    return 2;
}
if (command.Help)
{
    Console.WriteLine(MigratorCommand.Usage);
    return 0;
}

var builder = Host.CreateApplicationBuilder();
// Command-line options win over the DynamoDb:* configuration (the AppHost sets that through the environment).
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    [$"{StorageOptions.SectionName}:{nameof(StorageOptions.TableName)}"] = command.Table,
    [$"{StorageOptions.SectionName}:{nameof(StorageOptions.ServiceUrl)}"] = command.Endpoint,
    [$"{StorageOptions.SectionName}:{nameof(StorageOptions.Region)}"] = command.Region,
    // A batch job: its scan pages (1 MB) may take longer than a service's request on a busy machine.
    [$"{StorageOptions.SectionName}:{nameof(StorageOptions.RequestTimeout)}"] = StorageOptions.BatchRequestTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
}.Where(kv => kv.Value is not null));
builder.AddServiceDefaults();
builder.AddMetalFestsStorage();
using var host = builder.Build();
await host.StartAsync();

using var source = new ActivitySource(builder.Environment.ApplicationName);
using var lifetime = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; lifetime.Cancel(); };
try
{
    using var activity = source.StartActivity("migrate");
    var table = host.Services.GetRequiredService<MetalFestsTable>();
    if (command.CreateTable && await TableSchema.EnsureCreatedAsync(table.Client, table.Name, lifetime.Token))
    {
        Console.WriteLine($"Created table {table.Name} with its indexes.");
    }
    var runner = new MigrationRunner(table, TimeProvider.System, new ConsoleProgress());
    if (command.IfEmpty)
    {
        var decision = await runner.DecideIfEmptyAsync(command.DryRun, lifetime.Token);
        Console.WriteLine(decision.Reason);
        if (decision.Outcome != IfEmptyOutcome.Load)
        {
            return 0;
        }
    }

    var report = await runner.RunAsync(new MigrationOptions(command.Source, command.DryRun, command.OverwriteEdited), lifetime.Token);
    ReportWriter.Print(report, Console.Out);
    if (command.ReportPath is { } path)
    {
        await ReportWriter.WriteJsonAsync(report, path, lifetime.Token);
        Console.WriteLine($"Report written to {Path.GetFullPath(path)}");
    }
    return report.Succeeded ? 0 : 1;
}
catch (SourceException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("Nothing was written.");
    return 2;
}
catch (Exception e) when (e is Amazon.Runtime.AmazonClientException or Amazon.Runtime.AmazonServiceException)
{
    // No credentials, an unreachable endpoint, a refused request: one line, no stack trace.
    Console.Error.WriteLine($"Cannot use DynamoDB: {e.Message.Split('\n')[0].TrimEnd(':', ' ', '\r')} (AWS credentials and region, or --endpoint for DynamoDB Local).");
    return MigratorCommand.DatabaseUnavailable;
}
finally
{
    await host.StopAsync();
}
