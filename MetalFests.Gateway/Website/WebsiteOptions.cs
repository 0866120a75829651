namespace MetalFests.Gateway.Website;

/// <summary>
/// Configuration section <c>Website</c>: <c>Root</c>, the folder of the built site (what
/// <c>npm run build</c> writes to <c>MetalFests.Web/dist</c>), absolute or relative to the gateway's
/// content root. Empty: no website, only the API.
/// </summary>
public sealed class WebsiteOptions
{
    public const string SectionName = "Website";

    /// <summary>The built site beside the gateway in the repository.</summary>
    public const string DefaultRoot = "../MetalFests.Web/dist";

    public string Root { get; set; } = DefaultRoot;
}
