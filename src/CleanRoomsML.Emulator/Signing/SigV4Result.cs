namespace CleanRoomsML.Emulator.Signing;

/// <summary>The outcome of verifying one request: either the signer's identity, or the AWS error to answer.</summary>
public sealed class SigV4Result
{
    private SigV4Result(bool isValid, string? errorType, string? message, string? accessKeyId, string? region,
        string? canonicalRequest, string? stringToSign)
    {
        IsValid = isValid;
        ErrorType = errorType;
        Message = message;
        AccessKeyId = accessKeyId;
        Region = region;
        CanonicalRequest = canonicalRequest;
        StringToSign = stringToSign;
    }

    public bool IsValid { get; }

    /// <summary>The AWS error shape name when invalid, e.g. <c>InvalidSignatureException</c>.</summary>
    public string? ErrorType { get; }

    public string? Message { get; }

    /// <summary>Every SigV4 failure is answered with 403 Forbidden.</summary>
    public int StatusCode => IsValid ? 200 : 403;

    public string? AccessKeyId { get; }

    /// <summary>The region of the credential scope: the region the client signed for.</summary>
    public string? Region { get; }

    /// <summary>The canonical request the verifier computed, when it got that far (useful when debugging a client).</summary>
    public string? CanonicalRequest { get; }

    public string? StringToSign { get; }

    internal static SigV4Result Valid(string accessKeyId, string region, string canonicalRequest, string stringToSign) =>
        new(true, null, null, accessKeyId, region, canonicalRequest, stringToSign);

    internal static SigV4Result Invalid(string errorType, string message, string? accessKeyId = null, string? region = null,
        string? canonicalRequest = null, string? stringToSign = null) =>
        new(false, errorType, message, accessKeyId, region, canonicalRequest, stringToSign);

    public override string ToString() => IsValid ? $"valid ({AccessKeyId}, {Region})" : $"{ErrorType}: {Message}";
}
