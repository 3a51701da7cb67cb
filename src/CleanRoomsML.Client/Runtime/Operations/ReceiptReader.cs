using System.Text.Json;
using CleanRoomsML.Client.Model;

namespace CleanRoomsML.Client.Runtime.Operations;

/// <summary>Reads the answer of an operation with no output members (Delete, Tag, Untag).</summary>
internal sealed class ReceiptReader : JsonResponseReader<ServiceReceipt>
{
    public static readonly ReceiptReader Instance = new();

    protected override ServiceReceipt Read(JsonElement root, string? requestId) => new(requestId);
}

/// <summary>Reads the ARN that a Create operation answers.</summary>
internal sealed class CreatedReader : JsonResponseReader<ResourceCreated>
{
    public static readonly CreatedReader AudienceModel = new("audienceModelArn");
    public static readonly CreatedReader TrainingDataset = new("trainingDatasetArn");

    private readonly string _arnMember;

    private CreatedReader(string arnMember) => _arnMember = arnMember;

    protected override ResourceCreated Read(JsonElement root, string? requestId) => new(JsonRead.RequiredString(root, _arnMember), requestId);
}
