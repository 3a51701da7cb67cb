using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;

namespace CleanRoomsML.Emulator.Tests.Support;

/// <summary>
/// A minimal SigV4 signer for the tests, written separately from the emulator's verifier (which the known-answer
/// tests check against botocore's values). It signs host, x-amz-date and, when present, x-amz-content-sha256
/// and x-amz-security-token.
/// </summary>
public static class TestSigner
{
    public sealed record Credentials(string AccessKey, string SecretKey, string? SessionToken = null);

    public static void Sign(HttpRequestMessage request, byte[] body, Credentials credentials, string region, DateTime utcTime,
        string service = "cleanrooms-ml", bool includeContentSha256 = false)
    {
        string amzDate = utcTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string date = amzDate.Substring(0, 8);
        string payloadHash = Hex(SHA256.HashData(body));
        Uri uri = request.RequestUri!;

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.Authority,
            ["x-amz-date"] = amzDate,
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        if (includeContentSha256)
        {
            headers["x-amz-content-sha256"] = payloadHash;
            request.Headers.TryAddWithoutValidation("X-Amz-Content-SHA256", payloadHash);
        }
        if (credentials.SessionToken is not null)
        {
            headers["x-amz-security-token"] = credentials.SessionToken;
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.SessionToken);
        }

        string signedHeaders = string.Join(";", headers.Keys);
        string canonical = string.Join("\n",
            request.Method.Method,
            DoubleEncodedPath(uri.AbsolutePath),
            SortedQuery(uri.Query),
            string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n")),
            signedHeaders,
            payloadHash);
        string scope = $"{date}/{region}/{service}/aws4_request";
        string stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";

        byte[] key = Encoding.UTF8.GetBytes("AWS4" + credentials.SecretKey);
        foreach (string part in new[] { date, region, service, "aws4_request" }) key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        string signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={credentials.AccessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    // The tests send paths whose segments are already percent-encoded once; SigV4 encodes them again.
    private static string DoubleEncodedPath(string path) =>
        string.Join("/", path.Split('/').Select(segment => Uri.EscapeDataString(segment)));

    // The tests build queries already encoded the SigV4 way, so sorting the encoded pairs is enough.
    private static string SortedQuery(string query) =>
        string.Join("&", query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Contains('=') ? p : p + "=")
            .OrderBy(p => p.Substring(0, p.IndexOf('=')), StringComparer.Ordinal)
            .ThenBy(p => p.Substring(p.IndexOf('=') + 1), StringComparer.Ordinal));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
