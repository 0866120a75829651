using MetalFests.Storage.Model;

namespace MetalFests.Storage.Stores;

/// <summary>Old keys (<see cref="KeyAlias"/>): which key an old band or festival key stands for now, by one GetItem.</summary>
public sealed class AliasStore(MetalFestsTable table)
{
    /// <summary>The key an old key of <paramref name="entity"/> (<see cref="TableLayout.Types.Band"/> or <see cref="TableLayout.Types.Festival"/>) now has; null when it is no alias.</summary>
    public async Task<string?> ResolveAsync(string entity, string oldKey, CancellationToken cancellationToken) =>
        oldKey.Length is > 0 and <= MaxAliasLength
        && await table.GetAsync(TableLayout.EntityPk(entity, oldKey), TableLayout.AliasSk, cancellationToken) is { } item
            ? Items.ReadAlias(item).Key
            : null;

    /// <summary>No old key was longer than a key may be (in characters): anything longer is not looked up.</summary>
    private const int MaxAliasLength = EntityKeys.MaxLength;
}
