using System.Diagnostics;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MetalFests.ServiceDefaults.Security;

/// <summary>
/// The <c>X-Api-Key</c> authentication scheme: no header, no result; a key that matches none, a failure; a match,
/// a principal carrying the key's id and permission (never the key). The id goes to the trace
/// (<c>metalfests.api_key.id</c>) and to <see cref="ApiKeyFilter.CurrentKey"/>.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyAuthenticator keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string PermissionClaim = "metalfests:permission";
    public const string TraceTag = "metalfests.api_key.id";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(RequestHeaders.ApiKey, out var presented))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (keys.Authenticate(presented) is not { } key)
        {
            // Never the key in the message: it is logged.
            return Task.FromResult(AuthenticateResult.Fail("The X-Api-Key matches no configured key"));
        }
        Activity.Current?.SetTag(TraceTag, key.Id);
        Context.Items[typeof(ApiKeyIdentity)] = key;
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, key.Id), new Claim(PermissionClaim, key.Permission.ToString())], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
