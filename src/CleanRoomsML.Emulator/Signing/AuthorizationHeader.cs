namespace CleanRoomsML.Emulator.Signing;

/// <summary>
/// The parts of an <c>Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...</c> header.
/// </summary>
public sealed class AuthorizationHeader
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    private AuthorizationHeader(string accessKeyId, string date, string region, string service, string terminator,
        IReadOnlyList<string> signedHeaders, string signature)
    {
        AccessKeyId = accessKeyId;
        Date = date;
        Region = region;
        Service = service;
        Terminator = terminator;
        SignedHeaders = signedHeaders;
        Signature = signature;
    }

    public string AccessKeyId { get; }

    /// <summary>The scope date, yyyyMMdd.</summary>
    public string Date { get; }

    public string Region { get; }

    public string Service { get; }

    /// <summary>The last scope element; must be <c>aws4_request</c>.</summary>
    public string Terminator { get; }

    /// <summary>Lower-case header names, in the order the client listed them.</summary>
    public IReadOnlyList<string> SignedHeaders { get; }

    public string Signature { get; }

    public string CredentialScope => $"{Date}/{Region}/{Service}/{Terminator}";

    /// <summary>Parses the header, or returns an AWS-style reason why it is incomplete.</summary>
    public static AuthorizationHeader? TryParse(string value, out string? problem)
    {
        problem = null;
        string text = value.Trim();
        if (!text.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            problem = $"Authorization header must start with '{Algorithm}' followed by a space.";
            return null;
        }

        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in text.Substring(Algorithm.Length).Split(','))
        {
            string trimmed = part.Trim();
            int equals = trimmed.IndexOf('=');
            if (equals <= 0) continue;
            parts[trimmed.Substring(0, equals)] = trimmed.Substring(equals + 1);
        }

        var missing = new[] { "Credential", "SignedHeaders", "Signature" }.Where(p => !parts.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            problem = string.Join(" ", missing.Select(m => $"Authorization header requires '{m}' parameter."))
                + $" Authorization={text}";
            return null;
        }

        string[] credential = parts["Credential"].Split('/');
        if (credential.Length != 5 || credential.Any(string.IsNullOrEmpty))
        {
            problem = $"Credential should be scoped to a valid region, service and date, as in '<access key>/<yyyyMMdd>/<region>/<service>/aws4_request'. Credential={parts["Credential"]}";
            return null;
        }

        var signedHeaders = parts["SignedHeaders"].Split(';').Select(h => h.Trim()).ToList();
        return new AuthorizationHeader(credential[0], credential[1], credential[2], credential[3], credential[4],
            signedHeaders, parts["Signature"]);
    }
}
