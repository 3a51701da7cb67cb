namespace CleanRoomsML.Emulator.Control;

/// <summary>A service request as the emulator received it, and how it was answered.</summary>
public sealed record RecordedRequest(
    DateTime Time,
    string Method,
    string RawTarget,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string? Operation,
    int Status,
    string? ErrorType,
    string RequestId);
