using MetalFests.Gateway.Website;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The website (MetalFests.Web/dist), served beside the API as CloudFront would serve it from S3:
/// a page at <c>/path</c> is the file <c>path/index.html</c>; the files the build fingerprinted
/// (listed in its <c>asset-manifest.json</c>) are cached for a year, everything else is revalidated
/// (ETag, 304). Compression comes from the edge's response compression. <c>/api</c> paths never
/// reach it, so unknown API paths keep their JSON 404.
/// </summary>
public static class WebsiteExtensions
{
    private const string PageFile = "index.html";

    /// <summary>The types the edge compresses besides JSON.</summary>
    public static readonly string[] CompressedTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml"];

    public static WebApplication UseWebsite(this WebApplication app)
    {
        var options = app.Configuration.GetSection(WebsiteOptions.SectionName).Get<WebsiteOptions>() ?? new WebsiteOptions();
        if (string.IsNullOrWhiteSpace(options.Root))
        {
            return app;
        }
        var root = Path.GetFullPath(options.Root, app.Environment.ContentRootPath);
        if (!Directory.Exists(root))
        {
            app.Logger.LogWarning("No website at {Root} (build MetalFests.Web: npm run build); serving the API only", root);
            return app;
        }
        var files = new PhysicalFileProvider(root);
        var immutable = new AssetManifest(Path.Combine(root, AssetManifest.FileName));

        app.Use((context, next) =>
        {
            if (IsPageRequest(context.Request) && files.GetFileInfo(PagePath(context.Request.Path)).Exists)
            {
                context.Request.Path = PagePath(context.Request.Path);
            }
            return next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider { Mappings = { [".js"] = "text/javascript", [".mjs"] = "text/javascript" } },
            OnPrepareResponse = file =>
            {
                var path = file.Context.Request.Path.Value!.TrimStart('/');
                file.Context.Response.Headers[HeaderNames.CacheControl] = immutable.IsFingerprinted(path) ? AssetManifest.ImmutableCacheControl : AssetManifest.RevalidateCacheControl;
            },
        });
        return app;
    }

    private static bool IsPageRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Path.StartsWithSegments(MetalFests.Api.Versioning.ApiVersions.ApiRoot)
        && !Path.HasExtension(request.Path.Value);

    private static string PagePath(PathString path) => $"{path.Value!.TrimEnd('/')}/{PageFile}";
}
