using System.Globalization;
using MetalFests.ServiceDefaults.Errors;

namespace MetalFests.Api.Http;

/// <summary>The <c>limit</c> default and maximum of a paginated list.</summary>
public sealed record PageLimits(int Default, int Max);

/// <summary>A validated <c>limit</c>/<c>offset</c> pair.</summary>
public sealed record Paging(int Limit, int Offset)
{
    public const int MaxOffset = 1_000_000;

    /// <summary>The seed's limits: upcoming festivals 50/100, bands 100/500.</summary>
    public static readonly PageLimits Festivals = new(50, 100);
    public static readonly PageLimits Bands = new(100, 500);

    public static Validated<Paging> Parse(string? limit, string? offset, PageLimits limits)
    {
        var parsedLimit = limits.Default;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out parsedLimit) || parsedLimit < 1 || parsedLimit > limits.Max))
        {
            return ApiError.InvalidParameter("limit", $"must be an integer from 1 to {limits.Max}");
        }
        var parsedOffset = 0;
        if (offset is not null && (!int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out parsedOffset) || parsedOffset > MaxOffset))
        {
            return ApiError.InvalidParameter("offset", $"must be an integer from 0 to {MaxOffset}");
        }
        return new Paging(parsedLimit, parsedOffset);
    }

    public IReadOnlyList<T> Apply<T>(IReadOnlyList<T> all) => [.. all.Skip(Offset).Take(Limit)];
}
