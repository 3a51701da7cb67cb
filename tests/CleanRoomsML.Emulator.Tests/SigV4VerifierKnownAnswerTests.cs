using System.Text;
using CleanRoomsML.Emulator.Signing;

namespace CleanRoomsML.Emulator.Tests;

/// <summary>
/// The verifier against known answers: the published SigV4 test-suite vectors (get-vanilla, post-vanilla) and
/// signatures computed by botocore 1.43.11's SigV4Auth for this service's request forms (double-encoded ARN
/// labels, repeated query parameters, header whitespace).
/// </summary>
public class SigV4VerifierKnownAnswerTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string AmzDate = "20150830T123600Z";
    private static readonly DateTimeOffset SigningTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);
    private const string EncodedArn = "arn%3Aaws%3Acleanrooms-ml%3Aus-east-1%3A123456789012%3Aaudience-model%2Fabc";

    private static SigV4Result Verify(string service, string method, string path, string query, string signedHeaders,
        string signature, string body = "", string host = "example.amazonaws.com", string region = "us-east-1",
        IEnumerable<KeyValuePair<string, string>>? extraHeaders = null, DateTimeOffset? now = null, string secret = Secret)
    {
        var verifier = new SigV4Verifier(AccessKey, secret, service);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Host", host),
            new("X-Amz-Date", AmzDate),
            new("Authorization", $"AWS4-HMAC-SHA256 Credential={AccessKey}/20150830/{region}/{service}/aws4_request, SignedHeaders={signedHeaders}, Signature={signature}"),
        };
        if (extraHeaders is not null) headers.AddRange(extraHeaders);
        return verifier.Verify(method, path, query, headers, Encoding.UTF8.GetBytes(body), now ?? SigningTime);
    }

    [Fact]
    public void GetVanilla_from_the_published_suite_is_valid()
    {
        var result = Verify("service", "GET", "/", "", "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            result.CanonicalRequest);
        Assert.Equal("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
            result.StringToSign);
        Assert.Equal("us-east-1", result.Region);
    }

    [Fact]
    public void PostVanilla_from_the_published_suite_is_valid()
    {
        var result = Verify("service", "POST", "/", "", "host;x-amz-date", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void Query_parameters_are_sorted_by_name_then_value()
    {
        var byName = Verify("service", "GET", "/", "Param2=value2&Param1=value1", "host;x-amz-date",
            "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
        var byValue = Verify("service", "GET", "/", "?Param1=value2&Param1=Value1", "host;x-amz-date",
            "eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1");

        Assert.True(byName.IsValid, byName.ToString());
        Assert.True(byValue.IsValid, byValue.ToString());
        Assert.Contains("\nParam1=Value1&Param1=value2\n", byValue.CanonicalRequest);
    }

    [Fact]
    public void Post_with_a_form_body_and_content_type_matches_botocore()
    {
        var result = Verify("service", "POST", "/", "", "content-type;host;x-amz-date",
            "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a", body: "Param1=value1",
            extraHeaders: new[] { new KeyValuePair<string, string>("Content-Type", "application/x-www-form-urlencoded") });
        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void Arn_label_is_encoded_again_in_the_canonical_uri_as_botocore_does()
    {
        var result = Verify("cleanrooms-ml", "GET", "/audience-model/" + EncodedArn, "", "host;x-amz-date",
            "899f4401081b621181b260d215527287594b777f2e59218908471ea048aaf020", host: "127.0.0.1:8080");

        Assert.True(result.IsValid, result.ToString());
        Assert.StartsWith("GET\n/audience-model/arn%253Aaws%253Acleanrooms-ml%253Aus-east-1%253A123456789012%253Aaudience-model%252Fabc\n",
            result.CanonicalRequest);
    }

    [Fact]
    public void Repeated_tagKeys_with_an_encoded_space_match_botocore()
    {
        var result = Verify("cleanrooms-ml", "DELETE", "/tags/" + EncodedArn, "tagKeys=b%20c&tagKeys=a", "host;x-amz-date",
            "57d26aef4c88f84f9620878d8521ab2340171d2ad147ba96746c731b1137ea78", host: "127.0.0.1:8080");

        Assert.True(result.IsValid, result.ToString());
        Assert.Contains("\ntagKeys=a&tagKeys=b%20c\n", result.CanonicalRequest);
    }

    [Fact]
    public void Header_values_are_trimmed_and_inner_spaces_collapsed()
    {
        var result = Verify("cleanrooms-ml", "POST", "/audience-model", "", "content-type;host;my-header1;x-amz-date",
            "6d7fa569e442056fcfc4b5562337123404008690069fda3a67a431b034f97009", body: "{\"name\":\"m\"}",
            host: "127.0.0.1:8080", region: "eu-west-1",
            extraHeaders: new KeyValuePair<string, string>[] { new("Content-Type", "application/json"), new("My-Header1", "  a   b   c  ") });

        Assert.True(result.IsValid, result.ToString());
        Assert.Contains("\nmy-header1:a b c\n", result.CanonicalRequest);
        Assert.Equal("eu-west-1", result.Region);
    }

    [Fact]
    public void A_wrong_secret_fails_with_InvalidSignatureException()
    {
        var result = Verify("service", "GET", "/", "", "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            secret: "not-the-secret");
        Assert.False(result.IsValid);
        Assert.Equal("InvalidSignatureException", result.ErrorType);
        Assert.StartsWith("The request signature we calculated does not match the signature you provided.", result.Message);
    }

    [Fact]
    public void A_changed_body_fails_the_signature()
    {
        var result = Verify("service", "POST", "/", "", "host;x-amz-date", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
            body: "x");
        Assert.Equal("InvalidSignatureException", result.ErrorType);
    }

    [Fact]
    public void A_signature_older_than_15_minutes_has_expired()
    {
        var result = Verify("service", "GET", "/", "", "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            now: SigningTime.AddMinutes(16));
        Assert.Equal("InvalidSignatureException", result.ErrorType);
        Assert.Equal("Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T125200Z - 15 min.)", result.Message);
    }

    [Fact]
    public void A_signature_within_15_minutes_is_accepted()
    {
        var result = Verify("service", "GET", "/", "", "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            now: SigningTime.AddMinutes(14));
        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void The_credential_scope_must_name_the_verifier_service()
    {
        var result = Verify("service", "GET", "/", "", "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        var verifier = new SigV4Verifier(AccessKey, Secret);
        var headers = new KeyValuePair<string, string>[]
        {
            new("Host", "example.amazonaws.com"), new("X-Amz-Date", AmzDate),
            new("Authorization", $"AWS4-HMAC-SHA256 Credential={AccessKey}/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        };

        var wrongService = verifier.Verify("GET", "/", "", headers, Array.Empty<byte>(), SigningTime);

        Assert.True(result.IsValid);
        Assert.Equal("InvalidSignatureException", wrongService.ErrorType);
        Assert.Equal("Credential should be scoped to correct service: 'cleanrooms-ml'.", wrongService.Message);
    }

    [Fact]
    public void An_unknown_access_key_is_UnrecognizedClientException()
    {
        var verifier = new SigV4Verifier(_ => null);
        var headers = new KeyValuePair<string, string>[]
        {
            new("Host", "h"), new("X-Amz-Date", AmzDate),
            new("Authorization", "AWS4-HMAC-SHA256 Credential=NOBODY/20150830/us-east-1/cleanrooms-ml/aws4_request, SignedHeaders=host;x-amz-date, Signature=00"),
        };
        var result = verifier.Verify("GET", "/", "", headers, Array.Empty<byte>(), SigningTime);
        Assert.Equal("UnrecognizedClientException", result.ErrorType);
        Assert.Equal("The security token included in the request is invalid.", result.Message);
    }

    [Fact]
    public void Host_must_be_signed()
    {
        var result = Verify("service", "GET", "/", "", "x-amz-date", "00");
        Assert.Equal("IncompleteSignatureException", result.ErrorType);
        Assert.Contains("'Host'", result.Message);
    }

    [Fact]
    public void No_authorization_header_is_MissingAuthenticationTokenException()
    {
        var verifier = new SigV4Verifier(AccessKey, Secret);
        var result = verifier.Verify("GET", "/", "", new KeyValuePair<string, string>[] { new("Host", "h") }, Array.Empty<byte>(), SigningTime);
        Assert.Equal("MissingAuthenticationTokenException", result.ErrorType);
        Assert.Equal(403, result.StatusCode);
    }
}
