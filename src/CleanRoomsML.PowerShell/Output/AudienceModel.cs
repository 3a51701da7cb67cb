using System;
using System.Collections;

namespace CleanRoomsML.PowerShell.Output;

/// <summary>
/// An audience model as the cmdlets write it. Its string form is the ARN, so scripts written for AWS Tools
/// (whose New-CRMLAudienceModel returned the ARN string) keep working; its properties pipe by name into
/// the other cmdlets.
/// </summary>
public sealed class AudienceModel
{
    public AudienceModel(string audienceModelArn, string name, string trainingDatasetArn, string region)
    {
        AudienceModelArn = audienceModelArn;
        Name = name;
        TrainingDatasetArn = trainingDatasetArn;
        Region = region;
    }

    public string AudienceModelArn { get; }

    public string Name { get; }

    public string TrainingDatasetArn { get; }

    public string? Description { get; init; }

    public string? KmsKeyArn { get; init; }

    /// <summary>Start of the training window, in UTC.</summary>
    public DateTime? TrainingDataStartTime { get; init; }

    /// <summary>End of the training window, in UTC.</summary>
    public DateTime? TrainingDataEndTime { get; init; }

    /// <summary>Tags, keys case-sensitive as the service treats them; empty when none.</summary>
    public Hashtable Tags { get; init; } = new(StringComparer.Ordinal);

    public string Region { get; }

    /// <summary>The request id of the call that produced this object, for AWS support.</summary>
    public string? RequestId { get; init; }

    public override string ToString() => AudienceModelArn;
}
