using System;

namespace CleanRoomsML.Client.Connection;

/// <summary>
/// A call that failed after it was sent: the service's error, or a transport failure (status 0).
/// Free of SDK types, so the cmdlet layer never loads AWSSDK.Core's exception types itself.
/// </summary>
public sealed class CleanRoomsMLRequestException : Exception
{
    public const string TransportFailureCode = "RequestFailed";

    public CleanRoomsMLRequestException(string errorCode, string serviceMessage, int statusCode, string? requestId, Exception? inner)
        : base(serviceMessage, inner)
    {
        ErrorCode = errorCode;
        ServiceMessage = serviceMessage;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>The error shape's name, such as ConflictException, or <see cref="TransportFailureCode"/>.</summary>
    public string ErrorCode { get; }

    public string ServiceMessage { get; }

    /// <summary>The HTTP status, or 0 when no answer came.</summary>
    public int StatusCode { get; }

    public string? RequestId { get; }

    public string? QuotaName { get; init; }

    public double? QuotaValue { get; init; }

    /// <summary>One line: the service's message, the status and the request id.</summary>
    public string Describe()
    {
        string status = StatusCode == 0 ? "no response" : $"HTTP {StatusCode}";
        string quota = QuotaName is null ? "" : $" (quota '{QuotaName}'{(QuotaValue is null ? "" : $" = {QuotaValue}")})";
        string id = RequestId is null ? "" : $", request id {RequestId}";
        return $"{ErrorCode}: {Messages.OneLine(ServiceMessage)}{quota} [{status}{id}]";
    }
}
