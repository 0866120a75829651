using MetalFests.Api.Writes;
using MetalFests.Storage.Writes;

namespace MetalFests.Tests.Writes;

/// <summary>A write over the item limit is a 413 that names the limit (99 journal pages of 500 operations: 49,500 items) and the write's size.</summary>
public sealed class WriteTooLargeEnvelopeTests
{
    [Fact]
    public void A_write_over_the_limit_is_413_naming_the_limit_and_its_size()
    {
        var error = new WriteError(WriteFailure.TooLarge, "genre", "doom", ItemCount: 60_001).ToApiError();

        Assert.Equal(413, error.Status);
        Assert.Equal("PAYLOAD_TOO_LARGE", error.Code);
        Assert.Equal(49_500, error.Details["limit"]);
        Assert.Equal(60_001, error.Details["items"]);
        Assert.Contains("49500", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_busy_table_is_503_with_the_seconds_to_wait()
    {
        var error = WriteErrors.FromException(new TableBusyException("Other writes kept coming first"))!;

        Assert.Equal(503, error.Status);
        Assert.Equal("SERVICE_UNAVAILABLE", error.Code);
        Assert.Equal(1, error.Details["retryAfterSeconds"]);
    }
}
