using MetalFests.Api.Writes;
using MetalFests.Storage.Model;
using static MetalFests.Tests.Writes.Parsed;

namespace MetalFests.Tests.Writes;

/// <summary>The body of an edition create or replace: dates in the path's year, a line-up, a price.</summary>
public sealed class EditionRequestTests
{
    /// <summary>The seed's Example 3, <c>PUT /api/festivals/hellfest/editions/2027</c>.</summary>
    private const string SeedExample = """
        {"dates":{"start":"2027-06-17","end":"2027-06-20"},"bands":[{"key":"metallica","name":"Metallica","size":0},{"key":"iron-maiden","name":"Iron Maiden","size":0}],"ticketPrice":269.00,"currency":"EUR","status":"announced"}
        """;

    private static EditionInput Valid2027(string json) => Valid(EditionRequest.Parse(Json(json), 2027));

    private static string[] BadFields2027(string json) => BadFields(EditionRequest.Parse(Json(json), 2027));

    /// <summary>A body with the given fields added to valid dates and an empty line-up.</summary>
    private static string With(string fields) => $$"""{"dates":{"start":"2027-06-17","end":"2027-06-20"},"bands":[],{{fields}}}""";

    /// <summary>A body whose line-up is the given bands.</summary>
    private static string WithBands(params string[] bands) => $$"""{"dates":{"start":"2027-06-17","end":"2027-06-20"},"bands":[{{string.Join(",", bands)}}]}""";

    [Fact]
    public void The_seed_example_parses()
    {
        var edition = Valid2027(SeedExample);

        Assert.Equal(new DateRange(new DateOnly(2027, 6, 17), new DateOnly(2027, 6, 20)), edition.Dates);
        Assert.Equal([new LineupBand("metallica", "Metallica", 0), new LineupBand("iron-maiden", "Iron Maiden", 0)], edition.Bands);
        Assert.Equal(269.00m, edition.TicketPrice);
        Assert.Equal("EUR", edition.Currency);
        Assert.Equal(EditionStatus.Announced, edition.Status);
    }

    [Fact]
    public void Without_price_currency_or_status_the_edition_is_announced_in_euros_with_no_price()
    {
        var edition = Valid2027("""{"dates":{"start":"2027-06-17","end":"2027-06-17"},"bands":[]}""");

        Assert.Empty(edition.Bands);
        Assert.Null(edition.TicketPrice);
        Assert.Equal(Currencies.Default, edition.Currency);
        Assert.Equal(EditionStatus.Announced, edition.Status);
    }

    [Fact]
    public void Dates_and_bands_are_required()
    {
        Assert.Equal(["dates", "bands"], BadFields2027("{}"));
    }

    [Fact]
    public void Both_dates_are_required()
    {
        Assert.Equal(["dates.start", "dates.end"], BadFields2027("""{"dates":{},"bands":[]}"""));
    }

    [Fact]
    public void The_end_must_not_be_before_the_start()
    {
        var reason = OnlyBadField(EditionRequest.Parse(Json("""{"dates":{"start":"2027-06-20","end":"2027-06-17"},"bands":[]}"""), 2027), "dates.end");

        Assert.Equal("must not be before 'dates.start'", reason);
    }

    [Fact]
    public void The_start_must_be_in_the_year_of_the_path()
    {
        var reason = OnlyBadField(EditionRequest.Parse(Json(SeedExample), 2026), "dates.start");

        Assert.Equal("must be in the edition's year 2026", reason);
    }

    [Fact]
    public void An_edition_may_end_in_the_next_year()
    {
        Valid2027("""{"dates":{"start":"2027-12-30","end":"2028-01-02"},"bands":[]}""");
    }

    [Theory]
    [InlineData("\"17/06/2027\"")]
    [InlineData("\"2027-6-17\"")]
    [InlineData("\"2027-02-30\"")]
    [InlineData("\"2027-06-17T18:00:00Z\"")]
    [InlineData("20270617")]
    [InlineData("{\"year\":2027}")]
    public void A_date_must_be_an_iso_date_string(string start)
    {
        var reason = OnlyBadField(EditionRequest.Parse(Json($$"""{"dates":{"start":{{start}},"end":"2027-06-20"},"bands":[]}"""), 2027), "dates.start");

        Assert.Equal("must be an ISO date (yyyy-MM-dd)", reason);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("\"metallica\"")]
    [InlineData("null")]
    public void Bands_must_be_an_array(string bands)
    {
        var expected = bands == "null" ? "is required" : "must be an array";

        Assert.Equal(expected, OnlyBadField(EditionRequest.Parse(Json($$"""{"dates":{"start":"2027-06-17","end":"2027-06-20"},"bands":{{bands}}}"""), 2027), "bands"));
    }

    [Fact]
    public void A_line_up_has_at_most_1000_bands()
    {
        var bands = Enumerable.Range(0, EditionRequest.MaxBands + 1).Select(i => $$"""{"key":"band-{{i}}","size":3}""").ToArray();

        Assert.Equal(EditionRequest.MaxBands, Valid2027(WithBands(bands[..^1])).Bands.Count);
        Assert.Equal("must have at most 1000 items", OnlyBadField(EditionRequest.Parse(Json(WithBands(bands)), 2027), "bands"));
    }

    [Fact]
    public void A_band_without_a_name_gets_an_empty_one()
    {
        Assert.Equal([new LineupBand("metallica", "", 1)], Valid2027(WithBands("""{"key":"metallica","size":1}""")).Bands);
    }

    [Fact]
    public void A_band_needs_a_key_and_a_size()
    {
        Assert.Equal(["bands[1].key", "bands[1].size"], BadFields2027(WithBands("""{"key":"metallica","size":0}""", """{"name":"Iron Maiden"}""")));
    }

    [Theory]
    [InlineData("Iron Maiden")]
    [InlineData("iron_maiden")]
    [InlineData("")]
    public void A_band_key_must_be_a_key(string key)
    {
        OnlyBadField(EditionRequest.Parse(Json(WithBands($$"""{"key":"{{key}}","size":0}""")), 2027), "bands[0].key");
    }

    [Theory]
    [InlineData("-1", "must be 0 to 3")]
    [InlineData("4", "must be 0 to 3")]
    [InlineData("1e10", "must be 0 to 3")]
    [InlineData("1.5", "must be a whole number")]
    [InlineData("\"2\"", "must be a number")]
    [InlineData("true", "must be a number")]
    public void A_band_size_is_a_whole_number_from_0_to_3(string size, string reason)
    {
        Assert.Equal(reason, OnlyBadField(EditionRequest.Parse(Json(WithBands($$"""{"key":"metallica","size":{{size}}}""")), 2027), "bands[0].size"));
    }

    [Fact]
    public void Every_size_from_0_to_3_is_a_billing()
    {
        var bands = Valid2027(WithBands("""{"key":"a","size":0}""", """{"key":"b","size":1}""", """{"key":"c","size":2.0}""", """{"key":"d","size":3}""")).Bands;

        Assert.Equal([0, 1, 2, 3], bands.Select(band => band.Size));
    }

    [Fact]
    public void A_band_name_is_type_checked_though_storage_shows_the_band_s_own_name()
    {
        Assert.Equal(["bands[0].name", "bands[1].name"], BadFields2027(WithBands(
            """{"key":"metallica","name":42,"size":0}""",
            $$"""{"key":"iron-maiden","name":"{{new string('x', 201)}}","size":0}""")));
    }

    [Fact]
    public void A_band_billed_twice_is_an_error_on_its_second_place()
    {
        var result = EditionRequest.Parse(Json(WithBands("""{"key":"metallica","size":0}""", """{"key":"slayer","size":1}""", """{"key":"metallica","size":2}""")), 2027);

        Assert.Equal("appears twice in the line-up (first at bands[0])", OnlyBadField(result, "bands[2].key"));
    }

    [Theory]
    [InlineData("""{"dates":{"start":"2027-06-17","end":"2027-06-20"},"bands":[{"key":"metallica","size":0,"headliner":true}]}""", "bands[0].headliner")]
    [InlineData("""{"dates":{"start":"2027-06-17","end":"2027-06-20","timezone":"CET"},"bands":[]}""", "dates.timezone")]
    [InlineData("""{"dates":{"start":"2027-06-17","end":"2027-06-20"},"bands":[],"venue":"Val de Moine"}""", "venue")]
    [InlineData("""{"dates":{"start":"2027-06-17","end":"2027-06-20"},"bands":[],"Currency":"EUR"}""", "Currency")]
    public void An_unknown_field_is_rejected_wherever_it_is(string json, string field)
    {
        Assert.Equal("is not a known field", OnlyBadField(EditionRequest.Parse(Json(json), 2027), field));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("10.5", 10.5)]
    [InlineData("269.000", 269)]
    public void A_ticket_price_is_a_number_of_at_least_0_with_at_most_2_decimals(string price, double expected)
    {
        Assert.Equal((decimal)expected, Valid2027(With($"\"ticketPrice\":{price}")).TicketPrice);
    }

    [Theory]
    [InlineData("-0.01", "must be at least 0")]
    [InlineData("12.345", "must have at most 2 decimals")]
    [InlineData("\"269\"", "must be a number")]
    [InlineData("1e40", "is too large")]
    public void A_bad_ticket_price_is_named(string price, string reason)
    {
        Assert.Equal(reason, OnlyBadField(EditionRequest.Parse(Json(With($"\"ticketPrice\":{price}")), 2027), "ticketPrice"));
    }

    [Theory]
    [InlineData("EUR")]
    [InlineData("USD")]
    [InlineData("GBP")]
    [InlineData("CHF")]
    [InlineData("SEK")]
    [InlineData("NOK")]
    [InlineData("DKK")]
    [InlineData("PLN")]
    [InlineData("CZK")]
    [InlineData("HUF")]
    [InlineData("JPY")]
    [InlineData("XCG")]
    public void A_currency_is_an_active_iso_4217_code(string currency)
    {
        Assert.Equal(currency, Valid2027(With($"\"currency\":\"{currency}\"")).Currency);
    }

    [Theory]
    [InlineData("\"eur\"")]
    [InlineData("\"EURO\"")]
    [InlineData("\"€\"")]
    [InlineData("\"XYZ\"")]
    [InlineData("\"HRK\"")]
    [InlineData("\"XAU\"")]
    [InlineData("978")]
    public void Anything_else_is_not_a_currency(string currency)
    {
        var reason = OnlyBadField(EditionRequest.Parse(Json(With($"\"currency\":{currency}")), 2027), "currency");

        Assert.Equal("must be an active ISO 4217 currency code, such as EUR", reason);
    }

    [Fact]
    public void The_currency_list_holds_only_three_letter_upper_case_codes()
    {
        Assert.All(Currencies.Active, code => Assert.Matches("^[A-Z]{3}$", code));
        Assert.InRange(Currencies.Active.Count, 150, 170);
    }

    [Fact]
    public void Every_edition_status_is_accepted()
    {
        Assert.Equal(EditionStatus.All, EditionStatus.All.Select(status => Valid2027(With($"\"status\":\"{status}\"")).Status));
    }

    [Theory]
    [InlineData("\"postponed\"")]
    [InlineData("\"Announced\"")]
    [InlineData("1")]
    public void Any_other_status_is_an_error_listing_the_statuses(string status)
    {
        var reason = OnlyBadField(EditionRequest.Parse(Json(With($"\"status\":{status}")), 2027), "status");

        Assert.Equal("must be one of announced, confirmed, cancelled, completed", reason);
    }

    [Fact]
    public void Every_bad_field_is_named_in_one_answer()
    {
        var result = EditionRequest.Parse(Json("""
            {
              "dates": { "start": "2027-06-20", "end": "2027-06-17" },
              "bands": [ { "key": "metallica", "size": 0 }, { "key": "slayer", "size": 1 }, { "key": "iron-maiden", "size": 7 } ],
              "ticketPrice": -5,
              "currency": "EURO",
              "status": "sold-out",
              "lineup": []
            }
            """), 2027);

        Assert.Equal(["dates.end", "bands[2].size", "ticketPrice", "currency", "status", "lineup"], BadFields(result));
        Assert.StartsWith("Invalid request body: 'dates.end' must not be before 'dates.start'; 'bands[2].size' must be 0 to 3; ", result.Error!.Message);
    }
}
