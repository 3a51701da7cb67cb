using System.Security.Cryptography;
using System.Text;

namespace CleanRoomsML.Emulator.Signing;

/// <summary>
/// Builds the pieces of the SigV4 canonical request from a request as it arrived on the wire.
/// </summary>
public static class CanonicalRequest
{
    public static string Build(string method, string canonicalUri, string canonicalQuery, string canonicalHeaders,
        string signedHeaders, string payloadHash) =>
        string.Join("\n", method.ToUpperInvariant(), canonicalUri, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash);

    /// <summary>
    /// The canonical URI for every service but S3: the path normalized (empty, "." and ".." segments
    /// removed) and each segment URI-encoded again, so that "%3A" on the wire becomes "%253A".
    /// </summary>
    public static string Uri(string rawPath)
    {
        if (string.IsNullOrEmpty(rawPath)) return "/";
        var segments = new List<string>();
        foreach (string segment in rawPath.Split('/'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == "..")
            {
                if (segments.Count > 0) segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(AwsUriEncoding.Encode(segment));
        }
        string path = "/" + string.Join("/", segments);
        bool trailingSlash = rawPath.EndsWith('/') && segments.Count > 0;
        return trailingSlash ? path + "/" : path;
    }

    /// <summary>
    /// The canonical query string: each name and value decoded, then encoded the SigV4 way, sorted by
    /// name and then by value, joined with '&amp;'. A leading '?' is ignored.
    /// </summary>
    public static string Query(string rawQuery)
    {
        string query = rawQuery.StartsWith('?') ? rawQuery.Substring(1) : rawQuery;
        var pairs = new List<(string Name, string Value)>();
        foreach (string pair in query.Split('&'))
        {
            if (pair.Length == 0) continue;
            int equals = pair.IndexOf('=');
            string name = equals < 0 ? pair : pair.Substring(0, equals);
            string value = equals < 0 ? "" : pair.Substring(equals + 1);
            pairs.Add((AwsUriEncoding.Encode(AwsUriEncoding.Decode(name)), AwsUriEncoding.Encode(AwsUriEncoding.Decode(value))));
        }
        return string.Join("&", pairs
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>
    /// One "name:value\n" line per signed header, in signed-header order. Repeated headers are joined with
    /// commas; values are trimmed and runs of spaces collapse to one. Returns null and names the header
    /// when a signed header is absent from the request.
    /// </summary>
    public static string? Headers(IReadOnlyList<string> signedHeaders, IEnumerable<KeyValuePair<string, string>> headers,
        out string? missingHeader)
    {
        var byName = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            if (!byName.TryGetValue(header.Key, out var values)) byName[header.Key] = values = new List<string>();
            values.Add(CollapseSpaces(header.Value));
        }

        var builder = new StringBuilder();
        foreach (string name in signedHeaders)
        {
            if (!byName.TryGetValue(name, out var values))
            {
                missingHeader = name;
                return null;
            }
            builder.Append(name.ToLowerInvariant()).Append(':').Append(string.Join(",", values)).Append('\n');
        }
        missingHeader = null;
        return builder.ToString();
    }

    public static string StringToSign(string amzDate, string credentialScope, string canonicalRequest) =>
        string.Join("\n", AuthorizationHeader.Algorithm, amzDate, credentialScope, HexSha256(Encoding.UTF8.GetBytes(canonicalRequest)));

    public static byte[] SigningKey(string secretKey, string date, string region, string service)
    {
        byte[] key = HmacSha256(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = HmacSha256(key, region);
        key = HmacSha256(key, service);
        return HmacSha256(key, "aws4_request");
    }

    public static string Signature(byte[] signingKey, string stringToSign) =>
        Convert.ToHexStringLower(HmacSha256(signingKey, stringToSign));

    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private static byte[] HmacSha256(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        bool previousWasSpace = false;
        foreach (char c in value.Trim())
        {
            bool isSpace = c == ' ' || c == '\t';
            if (isSpace && previousWasSpace) continue;
            builder.Append(isSpace ? ' ' : c);
            previousWasSpace = isSpace;
        }
        return builder.ToString();
    }
}
