using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary><c>GET /api/bands/{key}</c>: the band with the genres and roles it references, as migrated from db.json.</summary>
[Collection(AppCollection.Name)]
public sealed class BandDetailTests(AppFixture fixture)
{
    /// <summary>
    /// 20 deterministic picks: merged duplicate keys, reviewed bands, stubs of dangling line-up
    /// references (one of them the line-up entry without a key), the record without a key, a name
    /// with stray NULs, then every 200th band by key.
    /// </summary>
    public static IReadOnlyList<string> Sample { get; } =
    [
        "pod", "europe", "neckbreakker",
        "within-temptation", "iron-maiden", "sabaton",
        "100-kilo-heart", "cavalera-conspiracy-chaos-ad", Expected.KeyOf("", "*******"),
        Expected.KeyOf("", "郁"), "nstor-lvarez-original-gravity-allstars",
        .. Expected.Bands.Keys.Order(StringComparer.Ordinal).Where((_, i) => i % 200 == 100),
    ];

    public static TheoryData<string> SampleKeys => [.. Sample];

    [Fact]
    public async Task Band_detail_has_exactly_the_seed_fields()
    {
        var body = await fixture.Gateway.GetOkAsync("/api/bands/within-temptation");

        new Shape("band detail", ("band", Shape.Object), ("genres", Shape.Array), ("roles", Shape.Array)).Assert(body);
        var band = body.GetProperty("band");
        Shape.Band.Assert(band);
        Shape.AssertArrayOf(band.GetProperty("genreKeys"), Shape.String, "genreKeys");
        Assert.NotEmpty(band.Rows("members"));
        Assert.All(band.Rows("members"), member =>
        {
            Shape.Member.Assert(member);
            Shape.AssertArrayOf(member.GetProperty("roleKeys"), Shape.String, "roleKeys");
        });
        Assert.NotEmpty(body.Rows("genres"));
        Assert.All(body.Rows("genres"), Shape.BandGenre.Assert);
        Assert.NotEmpty(body.Rows("roles"));
        Assert.All(body.Rows("roles"), Shape.BandRole.Assert);
    }

    [Fact]
    public async Task The_sample_is_20_distinct_existing_bands_covering_every_kind()
    {
        Assert.Equal(20, Sample.Distinct().Count());
        Assert.All(Sample, key => Assert.True(Expected.Bands.ContainsKey(key), key));
        Assert.Contains(Sample, k => Expected.Bands[k].IsMerged);
        Assert.Contains(Sample, k => Expected.Bands[k].IsStub);
        Assert.Contains(Sample, k => Expected.Bands[k].Reviewed);
        Assert.Contains(Sample, k => Expected.Bands[k].FestivalCount == 0);
        var listed = await fixture.Gateway.GetWholeBandListAsync("/api/bands");
        Assert.Superset(Sample.ToHashSet(), listed.Select(b => b.Str("key")).ToHashSet());
    }

    [Theory]
    [MemberData(nameof(SampleKeys))]
    public async Task A_sampled_band_matches_db_json(string key)
    {
        var expected = Expected.Bands[key];

        var band = (await fixture.Gateway.GetOkAsync($"/api/bands/{key}")).GetProperty("band");

        Shape.Band.Assert(band);
        Assert.Equal(key, band.Str("key"));
        Assert.Equal(expected.Reviewed, band.GetProperty("reviewed").GetBoolean());
        if (expected.IsStub)
        {
            Assert.Equal(expected.StubNames[0], band.Str("name"));
            foreach (var property in new[] { "country", "description", "logo", "headlineImage", "website", "spotify" })
            {
                Assert.Null(band.StrOrNull(property));
            }
            Assert.Empty(band.Rows("genreKeys"));
            Assert.Empty(band.Rows("members"));
            return;
        }
        Assert.Equal(Expected.Clean(expected.Records[0].Str("name")), band.Str("name"));
        foreach (var property in new[] { "country", "description", "logo", "headlineImage", "website", "spotify" })
        {
            BandListTests.AssertMergedValue(expected, property, band.StrOrNull(property));
        }
        BandListTests.AssertGenreKeys(expected, band.Strings("genreKeys"), await BandListTests.GenreKeysAsync(fixture.Gateway));

        // The members are one record's (a merged key keeps one record's members), in its order; a plain role string's
        // role keys are those the test's own reading gives (PlainRoles), the others are covered by the role tests.
        var members = band.Rows("members").ToList();
        var record = expected.Records.Select(r => r.GetProperty("members").EnumerateArray().ToList())
            .FirstOrDefault(m => m.Select(x => Expected.Clean(x.Str("name"))).SequenceEqual(members.Select(x => x.Str("name"))));
        Assert.True(record is not null, $"{key}: members {string.Join("; ", members.Select(m => m.Str("name")))} are no record's members");
        foreach (var (member, source) in members.Zip(record))
        {
            if (PlainRoles.Of(source.Str("role")) is { } roleKeys)
            {
                Assert.Equal(roleKeys, member.Strings("roleKeys"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(SampleKeys))]
    public async Task A_sampled_band_row_in_the_list_equals_its_detail(string key)
    {
        var band = (await fixture.Gateway.GetOkAsync($"/api/bands/{key}")).GetProperty("band");
        var row = Assert.Single(await fixture.Gateway.GetWholeBandListAsync("/api/bands"), r => r.Str("key") == key);

        foreach (var property in new[] { "name", "country", "logo", "genreKeys", "reviewed" })
        {
            Assert.Equal(band.GetProperty(property).GetRawText(), row.GetProperty(property).GetRawText());
        }
        Assert.Equal(Expected.Bands[key].FestivalCount, row.Int("festivalCount"));
    }

    [Fact]
    public async Task A_key_shared_by_two_records_is_one_band_merged_from_both()
    {
        var records = RealData.Instance.Bands.Where(b => b.Str("key") == "pod").ToList();
        Assert.Equal(2, records.Count);

        var body = await fixture.Gateway.GetOkAsync("/api/bands/pod");

        var band = body.GetProperty("band");

        // The first record is the more complete one: it is kept, and fills nothing from the second.
        Assert.Equal(records[0].Str("description"), band.Str("description"));
        Assert.Equal(records[0].Str("logo"), band.Str("logo"));
        // Only the first has a Spotify link (the second's is blank).
        Assert.Equal("", records[1].Str("spotify"));
        Assert.Equal(records[0].Str("spotify"), band.Str("spotify"));
        Assert.Equal(records[0].GetProperty("members").EnumerateArray().Select(m => m.Str("name")), band.Rows("members").Select(m => m.Str("name")));
        // Genres are the union: "Christian Metal" and "Hardcore Punk" only in the first, "Rap Metal" only in the second.
        var genreNames = body.Rows("genres").Select(g => g.Str("name")).ToList();
        Assert.Equal(["Alternative Metal", "Christian Metal", "Hardcore Punk", "Nu Metal", "Rap Metal"], genreNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_dangling_line_up_reference_is_an_unreviewed_stub_band_with_no_details()
    {
        var body = await fixture.Gateway.GetOkAsync("/api/bands/100-kilo-heart");

        Assert.DoesNotContain("100-kilo-heart", RealData.Instance.BandKeys);
        Assert.Equal(
            """{"key":"100-kilo-heart","name":"100 Kilo Heart","country":null,"description":null,"logo":null,"headlineImage":null,"website":null,"spotify":null,"genreKeys":[],"members":[],"reviewed":false}""",
            body.GetProperty("band").GetRawText());
        Assert.Empty(body.Rows("genres"));
        Assert.Empty(body.Rows("roles"));
    }

    [Fact]
    public async Task The_record_without_a_key_is_served_under_the_key_derived_from_its_name()
    {
        var record = Assert.Single(RealData.Instance.Bands, b => b.Str("key") == "");
        var key = Expected.KeyOf("", record.Str("name"));

        var band = (await fixture.Gateway.GetOkAsync($"/api/bands/{key}")).GetProperty("band");

        Assert.Equal("band-b6541ec2", key);
        Assert.Equal(record.Str("name"), band.Str("name"));
        Assert.Equal(record.Str("description"), band.Str("description"));
    }

    [Fact]
    public async Task Control_characters_in_names_are_removed()
    {
        var band = (await fixture.Gateway.GetOkAsync("/api/bands/nstor-lvarez-original-gravity-allstars")).GetProperty("band");

        Assert.Equal("NStor Lvarez & Original Gravity Allstars", band.Str("name"));
        Assert.Equal("NStor Lvarez", band.Rows("members")[0].Str("name"));
    }

    [Theory]
    [MemberData(nameof(SampleKeys))]
    public async Task The_genres_and_roles_of_a_band_are_those_it_references_as_the_catalog_lists_them(string key)
    {
        var body = await fixture.Gateway.GetOkAsync($"/api/bands/{key}");
        var genres = (await fixture.Gateway.GetOkAsync("/api/genres")).Rows("genres").ToDictionary(g => g.Str("key"));
        var roles = (await fixture.Gateway.GetOkAsync("/api/roles")).Rows("roles").ToDictionary(r => r.Str("key"));

        var band = body.GetProperty("band");
        Assert.Equal(band.Strings("genreKeys"), body.Rows("genres").Select(g => g.Str("key")));
        Assert.All(body.Rows("genres"), genre => Assert.Equal(genres[genre.Str("key")].Str("name"), genre.Str("name")));
        var roleKeys = band.Rows("members").SelectMany(m => m.Strings("roleKeys")).Distinct().ToList();
        Assert.Equal(roleKeys.Order(StringComparer.Ordinal), body.Rows("roles").Select(r => r.Str("key")).Order(StringComparer.Ordinal));
        Assert.All(body.Rows("roles"), role =>
        {
            Assert.Equal(roles[role.Str("key")].Str("name"), role.Str("name"));
            Assert.Equal(roles[role.Str("key")].Str("category"), role.Str("category"));
        });
    }
}
