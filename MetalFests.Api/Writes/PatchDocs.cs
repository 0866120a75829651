namespace MetalFests.Api.Writes;

/// <summary>What the OpenAPI documents say of <c>PUT</c> and <c>PATCH</c>, written once for every entity.</summary>
public static class PatchDocs
{
    public const string PutReplaces =
        "PUT REPLACES the whole entity: a field left out of the body is removed (an optional one) or refused (a required one). " +
        "To change some fields only, use PATCH.";

    public const string PatchMerges =
        "PATCH MERGES (JSON Merge Patch, RFC 7396; Content-Type: application/merge-patch+json, anything else is a 415): " +
        "only the fields in the body change, a field set to null is removed, an array (genreKeys, members, bands) replaces the " +
        "stored one whole. The result is validated as a PUT body (400 naming the field; a required field cannot be removed) " +
        "and written as a PUT is: If-Match (412 when stale), audit, cache eviction, all or nothing.";
}
