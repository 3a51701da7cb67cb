namespace CleanRoomsML.Emulator.Control;

/// <summary>A canned error answer, used once by the next signed service request.</summary>
public sealed record ScriptedFault(int Status, string ErrorType, string Message)
{
    public static ScriptedFault Throttling(string message = "Rate exceeded") => new(429, "ThrottlingException", message);

    public static ScriptedFault InternalError(string message = "Internal service error") => new(500, "InternalServiceException", message);

    public static ScriptedFault Unavailable(string message = "Service unavailable") => new(503, "ServiceUnavailableException", message);
}
