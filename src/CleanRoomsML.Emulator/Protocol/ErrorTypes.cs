namespace CleanRoomsML.Emulator.Protocol;

/// <summary>The error shape names the emulator answers with, as sent in X-Amzn-Errortype.</summary>
public static class ErrorTypes
{
    public const string Validation = "ValidationException";
    public const string Serialization = "SerializationException";
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string Conflict = "ConflictException";
    public const string ServiceQuotaExceeded = "ServiceQuotaExceededException";
    public const string AccessDenied = "AccessDeniedException";
    public const string Throttling = "ThrottlingException";
    public const string InternalService = "InternalServiceException";
    public const string ServiceUnavailable = "ServiceUnavailableException";
    public const string UnknownOperation = "UnknownOperationException";
    public const string InvalidSignature = "InvalidSignatureException";
    public const string UnrecognizedClient = "UnrecognizedClientException";
    public const string MissingAuthenticationToken = "MissingAuthenticationTokenException";
    public const string IncompleteSignature = "IncompleteSignatureException";
}
