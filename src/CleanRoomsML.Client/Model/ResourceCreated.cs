namespace CleanRoomsML.Client.Model;

/// <summary>The output of a Create operation: the new resource's ARN.</summary>
public sealed class ResourceCreated
{
    public ResourceCreated(string arn, string? requestId)
    {
        Arn = arn;
        RequestId = requestId;
    }

    public string Arn { get; }

    public string? RequestId { get; }
}
