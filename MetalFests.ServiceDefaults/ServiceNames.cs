namespace MetalFests.ServiceDefaults;

/// <summary>Resource names in the AppHost, which service discovery resolves (<c>http://festivals</c>).</summary>
public static class ServiceNames
{
    public const string Database = "dynamodb";
    public const string Migrator = "migrator";
    public const string Festivals = "festivals";
    public const string Catalog = "catalog";
    public const string Gateway = "gateway";
}
