using MetalFests.Api.Writes;
using MetalFests.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;

namespace MetalFests.Tests.Writes;

/// <summary>JSON text is UTF-8 (RFC 8259 §8.1): a body with bytes that are not is refused as a whole, before any string is read.</summary>
public sealed class Utf8BodyTests
{
    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]       // a lead byte without its continuation
    [InlineData(new byte[] { 0xC0, 0xAF })]       // "/" encoded in two bytes (overlong)
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a UTF-16 surrogate encoded as UTF-8
    [InlineData(new byte[] { 0xFF })]
    public async Task A_body_with_bytes_that_are_not_utf8_is_400_naming_the_body(byte[] bytes)
    {
        byte[] body = [.. "{\"name\":\""u8.ToArray(), .. bytes, .. "\"}"u8.ToArray()];
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;

        var result = await JsonBody.ReadAsync(context.Request, CancellationToken.None);

        var error = Assert.IsType<ApiError>(result.Error);
        Assert.Equal(400, error.Status);
        Assert.Equal("body", error.Details["field"]);
        Assert.Equal("must be UTF-8", error.Details["reason"]);
    }
}
