using System.Text;
using MetalFests.Api.Writes;
using MetalFests.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;

namespace MetalFests.Tests.Writes;

/// <summary>Reading a write body: at most 256 KB, declared as JSON, one JSON object.</summary>
public sealed class JsonBodyTests
{
    private static HttpRequest Request(byte[] body, string? contentType = "application/json", bool chunked = false)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = chunked ? null : body.Length;
        return context.Request;
    }

    private static HttpRequest Request(string body, string? contentType = "application/json") => Request(Encoding.UTF8.GetBytes(body), contentType);

    /// <summary>A JSON object of exactly <paramref name="size"/> bytes.</summary>
    private static byte[] ObjectOfSize(int size) => Encoding.UTF8.GetBytes($$"""{"a":"{{new string('x', size - 8)}}"}""");

    private static async Task<ApiError> ErrorOf(HttpRequest request)
    {
        var result = await JsonBody.ReadAsync(request, CancellationToken.None);
        Assert.Null(result.Value);
        return Assert.IsType<ApiError>(result.Error);
    }

    private static async Task<string> BodyReasonOf(HttpRequest request)
    {
        var error = await ErrorOf(request);
        Assert.Equal(400, error.Status);
        Assert.Equal("body", error.Details["field"]);
        return Assert.IsType<string>(error.Details["reason"]);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=UTF-8")]
    public async Task A_json_object_is_read(string contentType)
    {
        var result = await JsonBody.ReadAsync(Request("""{"name":"Hellfest"}""", contentType), CancellationToken.None);

        Assert.Null(result.Error);
        using var document = result.Value!;
        Assert.Equal("Hellfest", document.RootElement.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/jsonp")]
    public async Task A_body_not_declared_as_utf8_json_is_415_naming_the_content_type(string? contentType)
    {
        var error = await ErrorOf(Request("""{"name":"Hellfest"}""", contentType));

        Assert.Equal(415, error.Status);
        Assert.Equal(ErrorCodes.ValidationError, error.Code);
        Assert.Equal("Content-Type", error.Details["field"]);
    }

    [Fact]
    public async Task A_body_of_exactly_256_KB_is_read()
    {
        var result = await JsonBody.ReadAsync(Request(ObjectOfSize(JsonBody.MaxBytes)), CancellationToken.None);

        Assert.Null(result.Error);
        result.Value!.Dispose();
    }

    [Fact]
    public async Task A_body_declared_one_byte_over_256_KB_is_413()
    {
        var error = await ErrorOf(Request(ObjectOfSize(JsonBody.MaxBytes + 1)));

        Assert.Equal(413, error.Status);
        Assert.Equal(ErrorCodes.PayloadTooLarge, error.Code);
    }

    [Fact]
    public async Task A_chunked_body_without_content_length_over_256_KB_is_413()
    {
        var error = await ErrorOf(Request(ObjectOfSize(JsonBody.MaxBytes + 1), chunked: true));

        Assert.Equal(413, error.Status);
    }

    [Fact]
    public async Task An_endless_chunked_body_is_refused_after_reading_little_more_than_the_limit()
    {
        var endless = new EndlessStream();
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.Body = endless;

        var error = await ErrorOf(context.Request);

        Assert.Equal(413, error.Status);
        Assert.InRange(endless.BytesRead, JsonBody.MaxBytes, JsonBody.MaxBytes + 64 * 1024);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n\t ")]
    public async Task An_empty_body_is_required(string body)
    {
        Assert.Equal("is required", await BodyReasonOf(Request(body)));
    }

    [Fact]
    public async Task Malformed_json_is_an_error_saying_where_without_echoing_the_body()
    {
        var reason = await BodyReasonOf(Request("{\n  \"name\": \"Hellfest\",\n  \"secret\": }\n}"));

        Assert.Equal("must be valid JSON (error at line 3, position 13)", reason);
        Assert.DoesNotContain("secret", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"Hellfest",}""")]
    [InlineData("""{"name":"Hellfest" // a comment""")]
    [InlineData("""{'name':'Hellfest'}""")]
    [InlineData("""{"name":"Hellfest"} {"name":"Wacken"}""")]
    public async Task Json_is_strict_no_trailing_commas_comments_single_quotes_or_second_values(string body)
    {
        Assert.StartsWith("must be valid JSON", await BodyReasonOf(Request(body)));
    }

    [Theory]
    [InlineData("""["hellfest"]""")]
    [InlineData("\"hellfest\"")]
    [InlineData("42")]
    [InlineData("null")]
    public async Task A_body_that_is_not_an_object_is_an_error_on_body(string body)
    {
        Assert.Equal("must be a JSON object", await BodyReasonOf(Request(body)));
    }

    [Fact]
    public async Task A_byte_order_mark_is_allowed()
    {
        var result = await JsonBody.ReadAsync(Request([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("{}")]), CancellationToken.None);

        Assert.Null(result.Error);
        result.Value!.Dispose();
    }

    /// <summary>A body that never ends, as a client streaming forever would send it; counts what was read.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            BytesRead += count;
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
