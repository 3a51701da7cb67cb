using System.Text.Json.Nodes;

namespace CleanRoomsML.Emulator.Protocol;

/// <summary>
/// An AWS error answer: HTTP status, error shape name (X-Amzn-Errortype) and a JSON body with <c>message</c>
/// and any extra members of the shape.
/// </summary>
public sealed class ServiceException : Exception
{
    public ServiceException(int statusCode, string errorType, string message, string category, JsonObject? extraMembers = null)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorType = errorType;
        Category = category;
        ExtraMembers = extraMembers;
    }

    public int StatusCode { get; }

    public string ErrorType { get; }

    /// <summary>One of <see cref="RejectionCategory"/>.</summary>
    public string Category { get; }

    public JsonObject? ExtraMembers { get; }

    public JsonObject ToBody()
    {
        var body = new JsonObject { ["message"] = Message };
        if (ExtraMembers is not null)
        {
            foreach (var member in ExtraMembers) body[member.Key] = member.Value?.DeepClone();
        }
        return body;
    }

    public static ServiceException Validation(string message) =>
        new(400, ErrorTypes.Validation, message, RejectionCategory.Validation);

    public static ServiceException Serialization(string message) =>
        new(400, ErrorTypes.Serialization, message, RejectionCategory.Validation);

    public static ServiceException NotFound(string message) =>
        new(404, ErrorTypes.ResourceNotFound, message, RejectionCategory.NotFound);

    public static ServiceException Conflict(string message) =>
        new(409, ErrorTypes.Conflict, message, RejectionCategory.Conflict);

    public static ServiceException QuotaExceeded(string message, string quotaName, double quotaValue) =>
        new(402, ErrorTypes.ServiceQuotaExceeded, message, RejectionCategory.Quota,
            new JsonObject { ["quotaName"] = quotaName, ["quotaValue"] = quotaValue });

    public static ServiceException UnknownOperation(string method, string path) =>
        new(404, ErrorTypes.UnknownOperation, $"No Clean Rooms ML operation matches {method} {path}.", RejectionCategory.UnknownOperation);
}
