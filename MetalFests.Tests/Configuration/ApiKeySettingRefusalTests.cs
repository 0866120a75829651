using MetalFests.CatalogService.Bands;
using MetalFests.FestivalsService.Admin;
using MetalFests.Gateway;
using MetalFests.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace MetalFests.Tests.Configuration;

/// <summary>
/// A service or the gateway refuses to start on an API key setting that could never work or would work wrongly
/// (issue 12): the start fails with an options validation error naming the setting (<c>ApiKeys:0:Hash</c>), never
/// showing the value. The real host of each process, built with the bad setting and started.
/// </summary>
public sealed class ApiKeySettingRefusalTests
{
    /// <summary>SHA-256 of "metalfests", as sha256sum prints it: a well-formed hash.</summary>
    private const string WellFormedHash = "953c870348dce088006f6930394668037704ebf205a96065ba09716e05429090";

    private static Dictionary<string, string?> Key(int index, string? id = "dev", string? hash = WellFormedHash, string? permission = "Delete")
    {
        var settings = new Dictionary<string, string?>();
        foreach (var (name, value) in new[] { ("Id", id), ("Hash", hash), ("Permission", permission) })
        {
            if (value is not null)
            {
                settings[$"ApiKeys:{index}:{name}"] = value;
            }
        }
        return settings;
    }

    private static string Refusal(Dictionary<string, string?> settings) => StartRefusal.MessageOf<AdminHealth>(settings);

    public static TheoryData<string> MalformedHashes =>
    [
        "0123abcd",
        new string('z', 64),
        WellFormedHash + "00",
        " " + WellFormedHash[1..],
    ];

    [Theory]
    [MemberData(nameof(MalformedHashes))]
    public void A_hash_that_is_not_64_hex_digits_is_refused_naming_the_setting(string hash)
    {
        var message = Refusal(Key(0, hash: hash));

        Assert.Contains(nameof(OptionsValidationException), message);
        Assert.Contains("ApiKeys:0:Hash", message);
        Assert.DoesNotContain(hash.Trim(), message);
    }

    [Fact]
    public void The_key_itself_where_its_hash_goes_is_refused_and_not_shown()
    {
        var message = Refusal(Key(0, hash: AppFixture.AdminKey));

        Assert.Contains("ApiKeys:0:Hash", message);
        Assert.DoesNotContain(AppFixture.AdminKey, message);
    }

    [Fact]
    public void A_missing_hash_is_refused_naming_the_setting() =>
        Assert.Contains("ApiKeys:0:Hash", Refusal(Key(0, hash: null)));

    [Theory]
    [InlineData("Admin")]
    [InlineData("AdminFull")]
    [InlineData("7")]
    [InlineData("2")]
    [InlineData("")]
    public void An_unknown_permission_is_refused_naming_the_setting(string permission) =>
        Assert.Contains("ApiKeys:0:Permission", Refusal(Key(0, permission: permission)));

    [Fact]
    public void A_missing_permission_is_refused_rather_than_defaulted() =>
        Assert.Contains("ApiKeys:0:Permission", Refusal(Key(0, permission: null)));

    [Fact]
    public void A_missing_id_is_refused_naming_the_setting() =>
        Assert.Contains("ApiKeys:0:Id", Refusal(Key(0, id: null)));

    [Fact]
    public void A_misspelt_setting_is_refused_naming_it()
    {
        var settings = Key(0);
        settings["ApiKeys:0:Hsh"] = WellFormedHash;

        Assert.Contains("ApiKeys:0:Hsh", Refusal(settings));
    }

    [Fact]
    public void A_bad_second_key_is_named_by_its_own_index()
    {
        var settings = Key(0);
        foreach (var (name, value) in Key(1, id: "viewer", hash: "not-a-hash", permission: "Read"))
        {
            settings[name] = value;
        }

        var message = Refusal(settings);

        Assert.Contains("ApiKeys:1:Hash", message);
        Assert.DoesNotContain("ApiKeys:0:", message);
    }

    [Fact]
    public void Two_keys_with_one_id_are_refused()
    {
        var settings = Key(0);
        foreach (var (name, value) in Key(1, id: "dev", hash: new string('a', 64), permission: "Read"))
        {
            settings[name] = value;
        }

        Assert.Contains("ApiKeys:1:Id", Refusal(settings));
    }

    [Fact]
    public void The_same_key_twice_is_refused_since_its_permission_would_be_ambiguous()
    {
        var settings = Key(0);
        foreach (var (name, value) in Key(1, id: "viewer", hash: WellFormedHash.ToUpperInvariant(), permission: "Read"))
        {
            settings[name] = value;
        }

        Assert.Contains("ApiKeys:1:Hash", Refusal(settings));
    }

    /// <summary>The same check in every process that reads the keys: both services and the gateway.</summary>
    [Fact]
    public void The_catalog_service_and_the_gateway_refuse_it_too()
    {
        Assert.Contains("ApiKeys:0:Permission", StartRefusal.MessageOf<BandPage>(Key(0, permission: "Owner")));
        Assert.Contains("ApiKeys:0:Permission", StartRefusal.MessageOf<EdgeMetrics>(Key(0, permission: "Owner")));
    }
}
