namespace CleanRoomsML.Emulator.Protocol;

/// <summary>A signed service request, ready for an operation: who signed it for which region, its label and inputs.</summary>
public sealed class ServiceRequest
{
    public ServiceRequest(string operation, string region, string accountId, string? label,
        IReadOnlyList<KeyValuePair<string, string>> query, ReadOnlyMemory<byte> body, DateTime utcNow)
    {
        Operation = operation;
        Region = region;
        AccountId = accountId;
        Label = label;
        Query = query;
        Body = body;
        UtcNow = utcNow;
    }

    public string Operation { get; }

    /// <summary>The region of the signature's credential scope; resources created get it in their ARN.</summary>
    public string Region { get; }

    public string AccountId { get; }

    /// <summary>The URI label (an ARN), already percent-decoded; null for operations without one.</summary>
    public string? Label { get; }

    /// <summary>Query parameters, decoded, in the order sent; repeated names appear once per value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    public ReadOnlyMemory<byte> Body { get; }

    public DateTime UtcNow { get; }

    public IReadOnlyList<string> QueryValues(string name) =>
        Query.Where(p => p.Key == name).Select(p => p.Value).ToList();
}
