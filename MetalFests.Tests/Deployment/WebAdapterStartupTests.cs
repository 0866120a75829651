using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using MetalFests.Deploy.Functions;
using MetalFests.ServiceDefaults;
using MetalFests.Storage;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Deployment;

/// <summary>
/// The published festivals service, started as Lambda starts <c>bootstrap</c> with the function's
/// adapter environment, answers the Web Adapter's readiness probe and serves a festival from the table —
/// here DynamoDB Local of the read fixture. Published for this machine (framework-dependent: the same
/// program and bootstrap as the function's self-contained linux-arm64 package, minus the runtime).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WebAdapterStartupTests(AppFixture fixture) : IDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("metalfests-publish-").FullName;

    [Fact]
    public async Task PublishedServiceStartedByBootstrapIsReadyOnTheAdapterPortAndServesAFestival()
    {
        var service = ServiceProject.Festivals;
        new FunctionPackage(service.ProjectDirectory, RuntimeInformation.RuntimeIdentifier).Publish(_folder, selfContained: false);
        var port = FreePort();
        var adapter = ServiceFunction.AdapterEnvironment(port);
        var storage = fixture.LocalOptions(StorageOptions.DefaultTableName);

        var start = new ProcessStartInfo(Path.Combine(_folder, FunctionPackage.Bootstrap)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in adapter)
        {
            start.Environment[name] = value;
        }
        start.Environment[StorageOptions.ServiceUrlVariable] = storage.ServiceUrl;
        start.Environment[StorageOptions.TableNameVariable] = storage.TableName;
        start.Environment[StorageOptions.RegionVariable] = storage.Region;
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // As the adapter does: the port it was given, on the loopback address, the readiness path it was given.
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adapter["AWS_LWA_PORT"]}") };
            await WaitReadyAsync(http, adapter["AWS_LWA_READINESS_CHECK_PATH"], process, output);

            var festival = RealData.Instance.Festivals[0];
            var key = festival.GetProperty("key").GetString()!;
            using var response = await http.GetAsync($"/api/festivals/{key}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var detail = body.RootElement.GetProperty("festival");
            Assert.Equal(key, detail.GetProperty("key").GetString());
            Assert.Equal(festival.GetProperty("name").GetString(), detail.GetProperty("name").GetString());
            Assert.Equal(festival.GetProperty("location").GetString(), detail.GetProperty("location").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task WaitReadyAsync(HttpClient http, string path, Process process, System.Text.StringBuilder output)
    {
        Assert.Equal(ServicePaths.Alive, path);
        var deadline = DateTime.UtcNow + ReadyWithin;
        while (true)
        {
            Assert.False(process.HasExited, $"bootstrap exited ({(process.HasExited ? process.ExitCode : 0)}):\n{output}");
            try
            {
                using var response = await http.GetAsync(path);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            Assert.True(DateTime.UtcNow < deadline, $"not ready within {ReadyWithin}:\n{output}");
            await Task.Delay(50);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp area.
        }
    }
}
