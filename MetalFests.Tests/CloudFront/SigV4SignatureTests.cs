using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.CloudFront;

/// <summary>
/// SigV4 against AWS's published examples. The SDK signer that signs CloudFront calls (AWSSDK.Core's
/// <see cref="AWSSigV4Signer"/>, behind <see cref="SigV4SigningHandler"/>) always signs <c>x-amz-content-sha256</c>,
/// as Amazon S3's "Signature Calculations for the Authorization Header" examples do; the generic test suite's
/// get-vanilla does not, so it checks the test's own <see cref="TestSigV4"/> (the fake CloudFront's verifier),
/// which must reproduce both.
/// </summary>
public sealed class SigV4SignatureTests
{
    // Amazon S3 API reference, "Examples: Signature Calculations" (header-based, payload signed).
    private const string S3AccessKey = "AKIAIOSFODNN7EXAMPLE";
    private const string S3SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static readonly DateTime S3SignedAt = new(2013, 5, 24, 0, 0, 0, DateTimeKind.Utc);
    private const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static TheoryData<string, string?, string> S3Examples => new()
    {
        // GET Object, first 10 bytes.
        { "https://examplebucket.s3.amazonaws.com/test.txt", "bytes=0-9", "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41" },
        // GET Bucket (list objects), max-keys=2, prefix=J.
        { "https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J", null, "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7" },
    };

    [Theory]
    [MemberData(nameof(S3Examples))]
    public void The_sdk_signer_reproduces_the_published_S3_example_signatures(string url, string? range, string signature)
    {
        var request = new AWSSigningRequest { HttpMethod = HttpMethod.Get, RequestUri = new Uri(url) };
        if (range is not null)
        {
            request.Headers["Range"] = range;
        }
        var signed = AWSSigV4Signer.Sign(request, new AWSSigV4Parameters
        {
            Credentials = new BasicAWSCredentials(S3AccessKey, S3SecretKey),
            Region = RegionEndpoint.USEast1,
            Service = "s3",
            SignedAt = S3SignedAt,
        });

        var authorization = signed.Headers["Authorization"];
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={S3AccessKey}/20130524/us-east-1/s3/aws4_request, ", authorization);
        Assert.EndsWith("Signature=" + signature, authorization);
        Assert.Equal("20130524T000000Z", signed.Headers["X-Amz-Date"]);
    }

    [Theory]
    [MemberData(nameof(S3Examples))]
    public void The_tests_own_signer_reproduces_the_published_S3_example_signatures(string url, string? range, string signature)
    {
        var uri = new Uri(url);
        var headers = new Dictionary<string, string> { ["host"] = uri.Host, ["x-amz-content-sha256"] = EmptyPayloadHash, ["x-amz-date"] = "20130524T000000Z" };
        if (range is not null)
        {
            headers["range"] = range;
        }
        var request = new TestSigV4.Request("GET", uri.AbsolutePath, uri.Query, headers, []);

        var canonical = TestSigV4.CanonicalRequest(request, [.. headers.Keys.Order(StringComparer.Ordinal)], EmptyPayloadHash);

        Assert.Equal(signature, TestSigV4.Signature(S3SecretKey, "20130524T000000Z", "us-east-1", "s3", canonical));
    }

    [Fact]
    public void The_tests_own_signer_reproduces_the_test_suites_get_vanilla_signature()
    {
        // AWS SigV4 test suite, get-vanilla: GET / with Host and X-Amz-Date only, service "service".
        var headers = new Dictionary<string, string> { ["host"] = "example.amazonaws.com", ["x-amz-date"] = "20150830T123600Z" };
        var request = new TestSigV4.Request("GET", "/", "", headers, []);

        var canonical = TestSigV4.CanonicalRequest(request, ["host", "x-amz-date"], EmptyPayloadHash);

        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            TestSigV4.Signature("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830T123600Z", "us-east-1", "service", canonical));
    }

    [Fact]
    public void The_verifier_refuses_a_request_signed_with_another_secret()
    {
        var request = new AWSSigningRequest { HttpMethod = HttpMethod.Get, RequestUri = new Uri("http://127.0.0.1:9/2020-05-31/distribution/E1/invalidation/I1") };
        var signed = AWSSigV4Signer.Sign(request, new AWSSigV4Parameters
        {
            Credentials = new BasicAWSCredentials(FakeCloudFront.AccessKey, "not-the-secret"),
            Region = RegionEndpoint.USEast1,
            Service = FakeCloudFront.Service,
        });
        var headers = signed.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value);
        headers["host"] = "127.0.0.1:9";

        var problems = TestSigV4.Verify(new TestSigV4.Request("GET", request.RequestUri.AbsolutePath, "", headers, []),
            FakeCloudFront.AccessKey, FakeCloudFront.SecretKey, FakeCloudFront.Region, FakeCloudFront.Service, DateTimeOffset.UtcNow);

        Assert.Equal(["the signature does not match"], problems);
    }
}
