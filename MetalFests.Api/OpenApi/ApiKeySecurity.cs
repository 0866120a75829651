using MetalFests.ServiceDefaults.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MetalFests.Api.OpenApi;

/// <summary>
/// The admin credential as an OpenAPI security scheme: declared once, required by every operation
/// whose endpoint carries a <see cref="PermissionRequirement"/> or lies under <c>/api/admin</c> (the
/// fallback policy's full permission), and <c>security: []</c> (no credential) on every other operation.
/// </summary>
public static class ApiKeySecurity
{
    public const string SchemeName = "ApiKey";

    public static Task DeclareScheme(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = RequestHeaders.ApiKey,
            Description = "An admin API key; its permission (read, write or delete) decides what it may do: 401 without a valid key, 403 without the permission.",
        };
        return Task.CompletedTask;
    }

    public static Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        // An admin endpoint that states no permission still needs one: the fallback policy's.
        var required = metadata.OfType<PermissionRequirement>().LastOrDefault()
            ?? (AdminFallbackPolicy.IsAdminPath("/" + context.Description.RelativePath) && !metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any()
                ? new PermissionRequirement(AdminFallbackPolicy.Needed)
                : null);
        operation.Security = required is null
            ? []
            : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] }];
        if (required is not null)
        {
            var needs = $"Needs an API key with the {required.Permission.ToString().ToLowerInvariant()} permission.";
            operation.Description = string.IsNullOrEmpty(operation.Description) ? needs : $"{operation.Description} {needs}";
        }
        return Task.CompletedTask;
    }
}
