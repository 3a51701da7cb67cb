using System;
using System.Net;
using System.Text.Json;
using Amazon.Runtime.Internal.Transform;

namespace CleanRoomsML.Client.Runtime.Errors;

/// <summary>
/// Reads a REST-JSON error response into the typed exception of its error shape. The type comes from
/// the body's <c>__type</c>, the <c>X-Amzn-Errortype</c> header or the body's <c>code</c>, cut to the
/// shape name (before ':' and after '#'), as the restJson1 protocol prescribes.
/// </summary>
internal static class ServiceErrorReader
{
    public static CleanRoomsMLException Read(IWebResponseData response, byte[] body, Exception? inner, HttpStatusCode statusCode)
    {
        string? bodyType = null, bodyCode = null, message = null, quotaName = null;
        double? quotaValue = null;

        if (TryParseObject(body, out JsonElement root))
        {
            bodyType = GetString(root, "__type");
            bodyCode = GetString(root, "code");
            message = GetString(root, "message") ?? GetString(root, "Message");
            quotaName = GetString(root, "quotaName");
            if (root.TryGetProperty("quotaValue", out JsonElement q) && q.ValueKind == JsonValueKind.Number) quotaValue = q.GetDouble();
        }

        string? headerType = Header(response, "x-amzn-ErrorType");
        string code = ShapeName(bodyType ?? headerType ?? bodyCode) ?? DefaultCode(statusCode);
        message = Header(response, "x-amzn-error-message") ?? message ?? $"The service answered {(int)statusCode} {statusCode}.";

        var error = new ServiceError(code, message, statusCode, Header(response, "x-amzn-RequestId"))
        {
            QuotaName = quotaName,
            QuotaValue = quotaValue,
        };
        return Create(error, inner);
    }

    public static CleanRoomsMLException Create(ServiceError error, Exception? inner) => error.Code switch
    {
        "ValidationException" => new ValidationException(error, inner),
        "ServiceQuotaExceededException" => new ServiceQuotaExceededException(error, inner),
        "AccessDeniedException" => new AccessDeniedException(error, inner),
        "ResourceNotFoundException" => new ResourceNotFoundException(error, inner),
        "ConflictException" => new ConflictException(error, inner),
        "ThrottlingException" => new ThrottlingException(error, inner),
        "InternalServiceException" => new InternalServiceException(error, inner),
        _ => new CleanRoomsMLException(error, inner),
    };

    internal static string? ShapeName(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        string name = raw!;
        int colon = name.IndexOf(':');
        if (colon >= 0) name = name.Substring(0, colon);
        int hash = name.IndexOf('#');
        if (hash >= 0) name = name.Substring(hash + 1);
        name = name.Trim();
        return name.Length == 0 ? null : name;
    }

    private static string DefaultCode(HttpStatusCode status) =>
        (int)status >= 500 ? "InternalServiceException" : $"Http{(int)status}";

    private static bool TryParseObject(byte[] body, out JsonElement root)
    {
        root = default;
        if (body.Length == 0) return false;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return false;
            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false; // an HTML page from a proxy, say: fall back to the headers and the status
        }
    }

    private static string? GetString(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Header(IWebResponseData response, string name) =>
        response.IsHeaderPresent(name) ? response.GetHeaderValue(name) : null;
}
