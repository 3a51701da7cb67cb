using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CleanRoomsML.Emulator.Signing;

/// <summary>
/// Verifies AWS Signature Version 4 (Authorization header form) for a non-S3 service, from the request as it
/// arrived: method, raw path and query exactly as sent, headers, body bytes. Written from the public
/// specification; it has no dependency on an AWS SDK, so other test projects can use it as an independent check.
/// </summary>
public sealed class SigV4Verifier
{
    private const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";
    private readonly Func<string, string?> _findSecretKey;

    /// <param name="findSecretKey">Returns the secret key of an access key id, or null when the id is unknown.</param>
    /// <param name="serviceName">The signing name that the credential scope must carry.</param>
    /// <param name="allowedClockSkew">How far x-amz-date may be from now; 15 minutes when not given.</param>
    public SigV4Verifier(Func<string, string?> findSecretKey, string serviceName = "cleanrooms-ml", TimeSpan? allowedClockSkew = null)
    {
        _findSecretKey = findSecretKey ?? throw new ArgumentNullException(nameof(findSecretKey));
        ServiceName = serviceName;
        AllowedClockSkew = allowedClockSkew ?? TimeSpan.FromMinutes(15);
    }

    public SigV4Verifier(string accessKeyId, string secretKey, string serviceName = "cleanrooms-ml", TimeSpan? allowedClockSkew = null)
        : this(id => string.Equals(id, accessKeyId, StringComparison.Ordinal) ? secretKey : null, serviceName, allowedClockSkew)
    {
    }

    public string ServiceName { get; }

    public TimeSpan AllowedClockSkew { get; }

    /// <param name="method">The HTTP method, e.g. GET.</param>
    /// <param name="rawPath">The path exactly as sent, still percent-encoded, e.g. /audience-model/arn%3Aaws...</param>
    /// <param name="rawQuery">The query exactly as sent, with or without the leading '?'; empty when none.</param>
    /// <param name="headers">Every request header (name, value); a repeated header appears once per value.</param>
    /// <param name="body">The request body bytes (empty when none).</param>
    /// <param name="now">The verifier's clock, for the skew check.</param>
    public SigV4Result Verify(string method, string rawPath, string rawQuery,
        IEnumerable<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        var headerList = headers.ToList();
        string? authorization = Single(headerList, "authorization");
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return SigV4Result.Invalid("MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        var auth = AuthorizationHeader.TryParse(authorization, out string? problem);
        if (auth is null) return SigV4Result.Invalid("IncompleteSignatureException", problem!);

        if (_findSecretKey(auth.AccessKeyId) is not { } secretKey)
        {
            return SigV4Result.Invalid("UnrecognizedClientException", "The security token included in the request is invalid.");
        }

        if (Incomplete(auth, headerList) is { } incomplete)
        {
            return SigV4Result.Invalid("IncompleteSignatureException", incomplete, auth.AccessKeyId, auth.Region);
        }

        string amzDate = Single(headerList, "x-amz-date")!.Trim();
        if (ScopeOrClockProblem(auth, amzDate, now) is { } scopeProblem)
        {
            return SigV4Result.Invalid("InvalidSignatureException", scopeProblem, auth.AccessKeyId, auth.Region);
        }

        string bodyHash = CanonicalRequest.HexSha256(body);
        string? declaredHash = Single(headerList, "x-amz-content-sha256")?.Trim();
        if (declaredHash is not null && !string.Equals(declaredHash, bodyHash, StringComparison.OrdinalIgnoreCase))
        {
            return SigV4Result.Invalid("InvalidSignatureException",
                "The provided 'x-amz-content-sha256' header does not match what was computed.", auth.AccessKeyId, auth.Region);
        }

        var signedHeaders = auth.SignedHeaders.Select(h => h.ToLowerInvariant()).OrderBy(h => h, StringComparer.Ordinal).ToList();
        string? canonicalHeaders = CanonicalRequest.Headers(signedHeaders, headerList, out string? missing);
        if (canonicalHeaders is null)
        {
            return SigV4Result.Invalid("InvalidSignatureException",
                $"The request signature we calculated does not match the signature you provided. The signed header '{missing}' is not in the request.",
                auth.AccessKeyId, auth.Region);
        }

        string canonicalRequest = CanonicalRequest.Build(method, CanonicalRequest.Uri(rawPath), CanonicalRequest.Query(rawQuery),
            canonicalHeaders, string.Join(";", signedHeaders), declaredHash ?? bodyHash);
        string stringToSign = CanonicalRequest.StringToSign(amzDate, auth.CredentialScope, canonicalRequest);
        string expected = CanonicalRequest.Signature(CanonicalRequest.SigningKey(secretKey, auth.Date, auth.Region, auth.Service), stringToSign);

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(auth.Signature.Trim().ToLowerInvariant())))
        {
            return SigV4Result.Invalid("InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
                auth.AccessKeyId, auth.Region, canonicalRequest, stringToSign);
        }
        return SigV4Result.Valid(auth.AccessKeyId, auth.Region, canonicalRequest, stringToSign);
    }

    /// <summary>Rules about what must be present and signed, checked before any hashing.</summary>
    private static string? Incomplete(AuthorizationHeader auth, List<KeyValuePair<string, string>> headers)
    {
        var signed = new HashSet<string>(auth.SignedHeaders, StringComparer.OrdinalIgnoreCase);
        if (!signed.Contains("host"))
        {
            return "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.";
        }
        if (Single(headers, "x-amz-date") is null)
        {
            return "Authorization header requires existence of a 'X-Amz-Date' header.";
        }
        if (Single(headers, "x-amz-security-token") is not null && !signed.Contains("x-amz-security-token"))
        {
            return "'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization when it is present.";
        }
        return null;
    }

    private string? ScopeOrClockProblem(AuthorizationHeader auth, string amzDate, DateTimeOffset now)
    {
        if (!string.Equals(auth.Terminator, "aws4_request", StringComparison.Ordinal))
        {
            return $"Credential should be scoped with a valid terminator: 'aws4_request', not '{auth.Terminator}'.";
        }
        if (!string.Equals(auth.Service, ServiceName, StringComparison.Ordinal))
        {
            return $"Credential should be scoped to correct service: '{ServiceName}'.";
        }
        if (!DateTimeOffset.TryParseExact(amzDate, AmzDateFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var requestTime))
        {
            return $"X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"; it was '{amzDate}'.";
        }
        if (!amzDate.StartsWith(auth.Date, StringComparison.Ordinal) || auth.Date.Length != 8)
        {
            return $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{auth.Date}' != '{amzDate.Substring(0, 8)}', from '{amzDate}'.";
        }

        string nowText = now.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);
        int minutes = (int)AllowedClockSkew.TotalMinutes;
        if (requestTime < now - AllowedClockSkew)
        {
            string limit = (now - AllowedClockSkew).UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);
            return $"Signature expired: {amzDate} is now earlier than {limit} ({nowText} - {minutes} min.)";
        }
        if (requestTime > now + AllowedClockSkew)
        {
            string limit = (now + AllowedClockSkew).UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);
            return $"Signature not yet current: {amzDate} is still later than {limit} ({nowText} + {minutes} min.)";
        }
        return null;
    }

    private static string? Single(List<KeyValuePair<string, string>> headers, string name)
    {
        var values = headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        return values.Count == 0 ? null : string.Join(",", values);
    }
}
