using System;
using System.Collections.Generic;

namespace CleanRoomsML.Client.Model;

/// <summary>The output of GetAudienceModel: everything the service knows of one audience model.</summary>
public sealed class AudienceModelDetails
{
    public string AudienceModelArn { get; init; } = "";

    public string Name { get; init; } = "";

    public string TrainingDatasetArn { get; init; } = "";

    /// <summary>CREATE_PENDING, CREATE_IN_PROGRESS, CREATE_FAILED, ACTIVE, DELETE_PENDING, DELETE_IN_PROGRESS or DELETE_FAILED.</summary>
    public string Status { get; init; } = "";

    public string? StatusCode { get; init; }

    public string? StatusMessage { get; init; }

    public DateTime? CreateTime { get; init; }

    public DateTime? UpdateTime { get; init; }

    public DateTime? TrainingDataStartTime { get; init; }

    public DateTime? TrainingDataEndTime { get; init; }

    public string? KmsKeyArn { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public string? RequestId { get; init; }
}
