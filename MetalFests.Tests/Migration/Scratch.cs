using MetalFests.Migrator.Migration;
using MetalFests.Storage;
using MetalFests.Tests.Browser;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Migration;

/// <summary>Scratch tables of an <see cref="AppFixture"/>'s DynamoDB Local, and the migration run on them as the migrator runs it.</summary>
internal static class Scratch
{
    /// <summary>A fixture file of <c>Migration/Fixtures</c>.</summary>
    public static string Fixture(string name) => Path.Combine(Repository.Root, "MetalFests.Tests", "Migration", "Fixtures", name);

    public static async Task<MetalFestsTable> TableAsync(AppFixture fixture)
    {
        var table = fixture.Table($"scratch-{Guid.NewGuid():N}");
        await TableSchema.EnsureCreatedAsync(table.Client, table.Name, default);
        return table;
    }

    public static Task<MigrationReport> MigrateAsync(MetalFestsTable table, string file) =>
        new MigrationRunner(table, TimeProvider.System).RunAsync(new MigrationOptions(file, DryRun: false, OverwriteEdited: false), default);
}
