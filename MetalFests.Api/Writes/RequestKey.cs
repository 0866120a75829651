namespace MetalFests.Api.Writes;

/// <summary>
/// The <c>key</c> field of a festival, band, genre or role body. A create (POST) names the new key in the body;
/// a replace (PUT) names it in the path, and a body that repeats it must agree, since keys never change.
/// </summary>
internal static class RequestKey
{
    public const string Field = "key";

    public static string? Read(FieldReader body, string? pathKey)
    {
        if (pathKey is null)
        {
            return body.RequiredKey(Field);
        }
        var key = body.OptionalKey(Field);
        if (key is not null && key != pathKey)
        {
            body.AddError(Field, $"must be the key of the path ('{pathKey}'): a key cannot be changed");
        }
        return pathKey;
    }
}
