namespace MetalFests.Deploy;

/// <summary>The repository's root (the folder of MetalFests.sln), found upwards from where the app runs.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "MetalFests.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("MetalFests.sln not found above " + Directory.GetCurrentDirectory());
    }
}
