using MetalFests.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;

namespace MetalFests.Api.Invalidation.CloudFront;

/// <summary>CloudFront's error codes (its <c>ErrorResponse</c>) as the envelope's errors.</summary>
public static class CloudFrontErrors
{
    /// <summary>The detail naming how long to wait; <see cref="InvalidationApi"/> sends it as <c>Retry-After</c> too.</summary>
    public const string RetryAfterDetail = ApiError.RetryAfterDetail;

    private static readonly TimeSpan BriefWait = TimeSpan.FromSeconds(5);

    /// <summary>About as long as CloudFront takes to finish an invalidation, which frees its slot.</summary>
    private static readonly TimeSpan InvalidationWait = TimeSpan.FromSeconds(60);

    public static ApiError ToApiError(CloudFrontFailure failure, string? invalidationId = null) => failure.Code switch
    {
        "Throttling" => Error(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimitExceeded,
            "CloudFront is throttling invalidation requests; retry later", failure, failure.RetryAfter ?? BriefWait),
        "TooManyInvalidationsInProgress" => Error(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimitExceeded,
            "CloudFront has too many invalidations in progress (at most 15 wildcard paths or 3,000 paths at once); retry when one completes",
            failure, failure.RetryAfter ?? InvalidationWait),
        "NoSuchInvalidation" => ApiError.NotFound(InvalidationApi.Resource, invalidationId ?? ""),
        "InvalidArgument" or "BatchTooLarge" or "InconsistentQuantities" or "TooManyInvalidations" =>
            new ApiError(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, $"Invalid field 'paths': CloudFront refused them ({failure.Code}: {failure.Message})",
                new Dictionary<string, object?> { ["field"] = "paths", ["reason"] = failure.Message, ["provider"] = CacheInvalidationOptions.CloudFrontProvider, ["code"] = failure.Code }),
        // Throttled or failing CloudFront, an unknown distribution, credentials it refuses: nothing the caller can fix.
        // Unreachable or failing (no status, 5xx) is an outage: retry after what CloudFront said, else as any outage.
        _ => Error(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable,
            $"CloudFront is unavailable ({failure.Code}); retry later", failure, failure.HttpStatus is 0 or >= 500 ? failure.RetryAfter ?? OutageRetry.After : null),
    };

    private static ApiError Error(int status, string code, string message, CloudFrontFailure failure, TimeSpan? retryAfter)
    {
        var details = new Dictionary<string, object?> { ["provider"] = CacheInvalidationOptions.CloudFrontProvider, ["code"] = failure.Code };
        if (retryAfter is { } wait)
        {
            details[RetryAfterDetail] = (int)Math.Ceiling(wait.TotalSeconds);
        }
        return new ApiError(status, code, message, details);
    }
}
