using System.Text.Json;
using MetalFests.Api.Http;

namespace MetalFests.Api.Writes;

/// <summary>
/// The body of <c>POST /api/admin/bands/validate</c>: <c>{"bandRefs": ["metallica", ...]}</c>. The references are
/// returned as given, not checked as keys: judging each one is the endpoint's answer, not a 400.
/// </summary>
public static class BandRefsRequest
{
    public const int MaxBandRefs = 1000;

    public static Validated<IReadOnlyList<string>> Parse(JsonElement root) =>
        FieldReader.Parse(root, body =>
        {
            var bandRefs = body.StringArray("bandRefs", required: true, MaxBandRefs);
            if (bandRefs is { Count: 0 })
            {
                body.AddError("bandRefs", "must not be empty");
                return null;
            }
            return bandRefs;
        });
}
