namespace CleanRoomsML.Client.Model;

/// <summary>The output of CreateAudienceModel.</summary>
public sealed class AudienceModelCreated
{
    public AudienceModelCreated(string audienceModelArn, string? requestId)
    {
        AudienceModelArn = audienceModelArn;
        RequestId = requestId;
    }

    public string AudienceModelArn { get; }

    public string? RequestId { get; }
}
