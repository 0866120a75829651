using MetalFests.ServiceDefaults.Security;

namespace MetalFests.Gateway;

/// <summary>
/// Who a request comes from: the API key it presents when that key is valid, else nobody (anonymous).
/// Authenticated once per request; a request without the header costs nothing.
/// </summary>
public sealed class Callers(ApiKeyAuthenticator keys)
{
    private static readonly object Slot = new();

    public ApiKeyIdentity? KeyOf(HttpContext context)
    {
        if (!context.Request.Headers.TryGetValue(RequestHeaders.ApiKey, out var presented))
        {
            return null;
        }
        if (context.Items.TryGetValue(Slot, out var known))
        {
            return (ApiKeyIdentity?)known;
        }
        var key = keys.Authenticate(presented);
        context.Items[Slot] = key;
        return key;
    }
}
