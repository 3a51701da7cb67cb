using System.Net;

namespace CleanRoomsML.Client.Runtime.Errors;

/// <summary>What an error response said: its type, message, status, request id and quota details.</summary>
public sealed class ServiceError
{
    public ServiceError(string code, string message, HttpStatusCode statusCode, string? requestId)
    {
        Code = code;
        Message = message;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    public string Code { get; }

    public string Message { get; }

    public HttpStatusCode StatusCode { get; }

    public string? RequestId { get; }

    public string? QuotaName { get; init; }

    public double? QuotaValue { get; init; }
}
