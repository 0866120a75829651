using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MetalFests.Storage;
using Microsoft.Extensions.Options;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.AddMetalFestsStorage();
using var host = builder.Build();
await host.StartAsync();

var table = host.Services.GetRequiredService<MetalFestsTable>();
await TableSchema.EnsureCreatedAsync(table.Client, table.Name, CancellationToken.None);
Console.WriteLine($"Table {table.Name} ready ({host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ServiceUrl ?? "AWS"})");
await host.StopAsync();
