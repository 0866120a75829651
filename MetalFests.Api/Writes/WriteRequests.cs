using MetalFests.Api.Http;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Storage.Writes;
using Microsoft.AspNetCore.Http;

namespace MetalFests.Api.Writes;

public static class WriteRequests
{
    /// <summary>Who writes (the key's id, never the key), the request id for the audit, and <c>If-Match</c>.</summary>
    public static Validated<WriteContext> Context(HttpContext http)
    {
        var ifMatch = ETags.IfMatch(http.Request);
        if (ifMatch.Error is { } error)
        {
            return error;
        }
        return new WriteContext(http.CurrentKey().Id, ApiError.RequestId(http), ifMatch.Value);
    }
}
