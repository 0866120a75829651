namespace MetalFests.Api.OpenApi;

/// <summary>
/// The API's worked examples, as the documents show them on their operations: a festival list, a festival, a band,
/// the genre and role pages, and the writes (an edition created, a band replaced, partial updates). Each is
/// the exact shape the operation answers or takes, so it validates against the operation's schema.
/// </summary>
public static class WorkedExamples
{
    public const string FestivalList = """
        {
          "festivals": [
            {
              "festivalKey": "hellfest",
              "festivalName": "Hellfest",
              "location": "Clisson, France",
              "coordinates": { "lat": 47.0889, "lng": -1.2806 },
              "website": "https://www.hellfest.fr",
              "poster": "https://example.com/hellfest-logo.jpg",
              "latestEdition": {
                "year": 2026,
                "dates": { "start": "2026-06-18", "end": "2026-06-21" },
                "bandCount": 150,
                "ticketPrice": 259.00,
                "currency": "EUR"
              },
              "editions": [2024, 2025, 2026],
              "totalEditions": 3
            }
          ],
          "count": 1
        }
        """;

    public const string FestivalDetail = """
        {
          "festival": {
            "key": "hellfest",
            "name": "Hellfest",
            "location": "Clisson, France",
            "coordinates": { "lat": 47.0889, "lng": -1.2806 },
            "website": "https://www.hellfest.fr",
            "poster": "https://example.com/hellfest-logo.jpg",
            "description": "One of Europe's largest metal festivals"
          },
          "editions": [
            {
              "year": 2026,
              "dates": { "start": "2026-06-18", "end": "2026-06-21" },
              "bands": [ { "key": "metallica", "name": "Metallica", "size": 0 } ],
              "ticketPrice": 259.00,
              "currency": "EUR",
              "status": "announced"
            }
          ]
        }
        """;

    /// <summary>A band's row in the band lists.</summary>
    private const string BandRow = """
        {
          "key": "metallica",
          "name": "Metallica",
          "country": "United States",
          "genreKeys": ["heavy-metal", "thrash-metal"],
          "genreNames": ["Heavy Metal", "Thrash Metal"],
          "logo": "https://example.com/metallica-logo.png",
          "reviewed": true,
          "festivalCount": 15
        }
        """;

    public const string BandPage = $$"""
        {
          "bands": [
            {{BandRow}}
          ],
          "count": 1,
          "total": 1,
          "limit": 100,
          "offset": 0
        }
        """;

    /// <summary>Version 2's band list: the page after it is <c>cursor=</c> the answer's <c>next</c>.</summary>
    public const string BandCursorPage = $$"""
        {
          "bands": [
            {{BandRow}}
          ],
          "count": 1,
          "limit": 1,
          "next": "bWV0YWxsaWNhfDNmMmE"
        }
        """;

    public const string BandDetail = """
        {
          "band": {
            "key": "metallica",
            "name": "Metallica",
            "country": "United States",
            "description": "American heavy metal band formed in 1981...",
            "logo": "https://example.com/metallica-logo.png",
            "headlineImage": "https://example.com/metallica-headline.jpg",
            "website": "https://www.metallica.com",
            "spotify": "https://open.spotify.com/artist/2ye2Wgw4gimLv2eAKyk1NB",
            "genreKeys": ["heavy-metal", "thrash-metal"],
            "members": [ { "name": "James Hetfield", "roleKeys": ["vocals", "rhythm-guitar"] } ],
            "reviewed": true
          },
          "genres": [
            { "key": "heavy-metal", "name": "Heavy Metal", "description": "A genre of rock music..." },
            { "key": "thrash-metal", "name": "Thrash Metal", "description": "Subgenre characterized by fast tempo..." }
          ],
          "roles": [
            { "key": "vocals", "name": "Vocals", "category": "voice" },
            { "key": "rhythm-guitar", "name": "Rhythm Guitar", "category": "string" }
          ]
        }
        """;

    public const string GenreList = """
        { "genres": [ { "key": "heavy-metal", "name": "Heavy Metal", "bandCount": 250 } ], "count": 1 }
        """;

    public const string Genre = """
        { "genre": { "key": "heavy-metal", "name": "Heavy Metal", "description": "A genre of rock music...", "bandCount": 250 } }
        """;

    public const string RoleList = """
        { "roles": [ { "key": "vocals", "name": "Vocals", "category": "voice", "bandMemberCount": 450 } ], "count": 1 }
        """;

    public const string Role = """
        { "role": { "key": "vocals", "name": "Vocals", "category": "voice", "description": "Lead or backing vocals", "bandMemberCount": 450 } }
        """;

    /// <summary>A new edition of Hellfest with two headliners (<c>PUT /api/festivals/hellfest/editions/2027</c>).</summary>
    private const string EditionPutFields = """
        "dates": { "start": "2027-06-17", "end": "2027-06-20" },
        "bands": [
          { "key": "metallica", "name": "Metallica", "size": 0 },
          { "key": "iron-maiden", "name": "Iron Maiden", "size": 0 }
        ],
        "ticketPrice": 269.00,
        "currency": "EUR",
        "status": "announced"
        """;

    public const string EditionPut = $$"""
        { {{EditionPutFields}} }
        """;

    public const string EditionCreated = $$"""
        {
          "success": true,
          "edition": {
            "festivalKey": "hellfest",
            "festivalName": "Hellfest",
            "year": 2027,
            {{EditionPutFields}},
            "createdAt": "2026-06-20T10:00:00Z",
            "updatedAt": "2026-06-20T10:00:00Z",
            "version": 1
          },
          "bandValidation": { "valid": true, "invalidBands": [] },
          "cacheInvalidation": {
            "status": "InProgress",
            "invalidationId": "I2J3K4L5M6N7",
            "paths": ["/api/festivals", "/api/festivals/upcoming", "/api/festivals/hellfest", "/api/festivals/hellfest/*"]
          }
        }
        """;

    public const string EditionPatch = """
        { "ticketPrice": 289.00, "status": "confirmed" }
        """;

    /// <summary>Metallica replaced whole (<c>PUT /api/bands/metallica</c>): a new description, a third genre, a second member.</summary>
    private const string BandPutFields = """
        "key": "metallica",
        "name": "Metallica",
        "country": "United States",
        "description": "Updated description with more details...",
        "logo": "https://example.com/metallica-logo.png",
        "headlineImage": "https://example.com/metallica-headline.jpg",
        "website": "https://www.metallica.com",
        "spotify": "https://open.spotify.com/artist/2ye2Wgw4gimLv2eAKyk1NB",
        "genreKeys": ["heavy-metal", "thrash-metal", "hard-rock"],
        "members": [
          { "name": "James Hetfield", "roleKeys": ["vocals", "rhythm-guitar"] },
          { "name": "Lars Ulrich", "roleKeys": ["drums"] }
        ],
        "reviewed": true
        """;

    public const string BandPut = $$"""
        { {{BandPutFields}} }
        """;

    public const string BandReplaced = $$"""
        {
          "success": true,
          "band": {
            {{BandPutFields}},
            "createdAt": "2026-01-15T08:30:00Z",
            "updatedAt": "2026-06-20T10:00:00Z",
            "version": 2
          },
          "validation": { "genresValid": true, "rolesValid": true, "invalidGenres": [], "invalidRoles": [] },
          "affectedFestivals": [],
          "cacheInvalidation": {
            "status": "InProgress",
            "invalidationId": "I3J4K5L6M7N8",
            "paths": ["/api/bands", "/api/bands/metallica", "/api/bands/metallica/*"]
          }
        }
        """;

    public const string BandPatch = """
        { "description": "Only the description changes; logo, members and genres stay.", "spotify": null }
        """;

    public const string FestivalPost = """
        {
          "key": "example-fest",
          "name": "Example Fest",
          "location": "Clisson, France",
          "coordinates": { "lat": 47.09, "lng": -1.27 },
          "website": "https://example.com",
          "poster": null,
          "description": "A festival for the examples"
        }
        """;

    public const string FestivalPatch = """
        { "description": "Only the description changes.", "poster": null }
        """;

    public const string GenrePost = """
        { "key": "example-metal", "name": "Example Metal", "description": "For the examples" }
        """;

    public const string GenrePatch = """
        { "description": "Merged: the genre's name stays as it is." }
        """;

    public const string RolePost = """
        { "key": "ondes-martenot", "name": "Ondes Martenot", "category": "electronic", "description": null }
        """;

    public const string BandRefs = """
        { "bandRefs": ["metallica", "no-such-band", "Not A Key"] }
        """;

    /// <summary>The seed's example 5: a manual invalidation and its answer (the local edge evicts at once: <c>Completed</c>).</summary>
    public const string InvalidationPost = """
        { "paths": ["/api/festivals/*", "/api/bands/metallica"], "reason": "Poster corrected by hand" }
        """;

    public const string InvalidationAccepted = """
        {
          "success": true,
          "invalidationId": "I4J5K6L7M8N9",
          "status": "InProgress",
          "paths": ["/api/festivals/*", "/api/bands/metallica"],
          "estimatedCompletion": "2025-11-23T10:05:00Z",
          "evictedEntries": null
        }
        """;

    public const string InvalidationState = """
        {
          "invalidationId": "I4J5K6L7M8N9",
          "status": "Completed",
          "paths": ["/api/festivals/*", "/api/bands/metallica"],
          "reason": "Poster corrected by hand",
          "requestedBy": "editor",
          "createdAt": "2025-11-23T10:00:00Z",
          "completedAt": "2025-11-23T10:00:00Z",
          "evictedEntries": 12
        }
        """;
}
