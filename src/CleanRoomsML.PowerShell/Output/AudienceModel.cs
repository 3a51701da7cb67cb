using System;
using System.Collections;

namespace CleanRoomsML.PowerShell.Output;

/// <summary>
/// An audience model as the cmdlets write it. Its string form is the ARN, so scripts written for AWS Tools
/// (whose New-CRMLAudienceModel returned the ARN string) keep working; its properties pipe by name into
/// the other cmdlets. A property the producing call did not report is null (for example Status right
/// after New-CRMLAudienceModel, or Tags in a list, whose summaries carry no tags).
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

    /// <summary>CREATE_PENDING, CREATE_IN_PROGRESS, CREATE_FAILED, ACTIVE, DELETE_PENDING, DELETE_IN_PROGRESS or DELETE_FAILED; null when not yet read.</summary>
    public string? Status { get; init; }

    /// <summary>The service's status code for a failure, such as TRAINING_FAILED (statusDetails.statusCode).</summary>
    public string? StatusCode { get; init; }

    /// <summary>The service's explanation of the status (statusDetails.message).</summary>
    public string? StatusMessage { get; init; }

    public string TrainingDatasetArn { get; }

    public string? Description { get; init; }

    public string? KmsKeyArn { get; init; }

    /// <summary>Start of the training window, in UTC.</summary>
    public DateTime? TrainingDataStartTime { get; init; }

    /// <summary>End of the training window, in UTC.</summary>
    public DateTime? TrainingDataEndTime { get; init; }

    /// <summary>When the model was created, in UTC; null when not yet read.</summary>
    public DateTime? CreateTime { get; init; }

    /// <summary>When the model last changed (its status included), in UTC; null when not yet read.</summary>
    public DateTime? UpdateTime { get; init; }

    /// <summary>Tags, keys case-sensitive as the service treats them; empty when none, null when not reported (lists).</summary>
    public Hashtable? Tags { get; init; } = new(StringComparer.Ordinal);

    public string Region { get; }

    /// <summary>The request id of the call that produced this object, for AWS support.</summary>
    public string? RequestId { get; init; }

    /// <summary>True when New-CRMLAudienceModel -SkipExisting found this model instead of creating it.</summary>
    public bool AlreadyExisted { get; init; }

    /// <summary>This model as -SkipExisting reports a row it did not send.</summary>
    internal AudienceModel AsAlreadyExisting() => new(AudienceModelArn, Name, TrainingDatasetArn, Region)
    {
        Status = Status,
        StatusCode = StatusCode,
        StatusMessage = StatusMessage,
        Description = Description,
        KmsKeyArn = KmsKeyArn,
        TrainingDataStartTime = TrainingDataStartTime,
        TrainingDataEndTime = TrainingDataEndTime,
        CreateTime = CreateTime,
        UpdateTime = UpdateTime,
        Tags = Tags,
        RequestId = RequestId,
        AlreadyExisted = true,
    };

    public override string ToString() => AudienceModelArn;
}
