using System.Text.Json.Nodes;

namespace CleanRoomsML.Emulator.Tests.Support;

/// <summary>What the emulator answered: status, error type header, request id and the parsed JSON body.</summary>
public sealed record ServiceResponse(int Status, string? ErrorType, string? RequestId, string? ContentType, string RawBody)
{
    public JsonNode? Json => RawBody.Length == 0 ? null : JsonNode.Parse(RawBody);

    public string? Message => Json?["message"]?.GetValue<string>();

    public string String(string member) => Json?[member]?.GetValue<string>()
        ?? throw new Xunit.Sdk.XunitException($"No string member '{member}' in: {RawBody}");

    public override string ToString() => $"{Status} {ErrorType} {RawBody}";
}
