namespace MetalFests.Tests.Browser;

/// <summary>The repository's folder, found from the test binaries (for files the tests write back, such as screenshots).</summary>
public static class Repository
{
    public static string Root { get; } = Find(AppContext.BaseDirectory);

    private static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MetalFests.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No MetalFests.sln above {start}");
    }
}
