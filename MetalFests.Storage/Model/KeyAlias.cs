namespace MetalFests.Storage.Model;

/// <summary>
/// An old key that still resolves: an older db.json named a band or festival <see cref="Alias"/>
/// (<c>hällas</c>), which is not a valid key; the entity is stored under <see cref="Key"/> (<c>hllas</c>)
/// and the public API answers the old key with a permanent redirect to the new one.
/// </summary>
/// <param name="Entity">The entity type: <c>BAND</c> or <c>FESTIVAL</c> (see <see cref="TableLayout.Types"/>).</param>
public sealed record KeyAlias(string Entity, string Alias, string Key);
