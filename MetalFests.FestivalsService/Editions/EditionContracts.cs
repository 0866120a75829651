using MetalFests.FestivalsService.Festivals;
using MetalFests.Storage.Model;

namespace MetalFests.FestivalsService.Editions;

/// <summary><c>GET /api/festivals/{key}/editions</c>: a festival's editions, newest first.</summary>
public sealed record EditionList(string FestivalKey, string FestivalName, IReadOnlyList<EditionDetail> Editions, int Count);

/// <summary><c>GET /api/festivals/{key}/editions/{year}</c>: one edition, with its festival named (as the seed's example 3).</summary>
public sealed record EditionResponse(Edition Edition);
