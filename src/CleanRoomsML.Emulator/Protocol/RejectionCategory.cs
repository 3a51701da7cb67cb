namespace CleanRoomsML.Emulator.Protocol;

/// <summary>Why a service request was refused, as counted under "rejected" by the control endpoint.</summary>
public static class RejectionCategory
{
    public const string Signature = "signature";
    public const string Validation = "validation";
    public const string NotFound = "notFound";
    public const string Conflict = "conflict";
    public const string Quota = "quota";
    public const string Fault = "fault";
    public const string UnknownOperation = "unknownOperation";
}
