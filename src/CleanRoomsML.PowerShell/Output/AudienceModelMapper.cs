using System;
using System.Collections;
using System.Collections.Generic;
using CleanRoomsML.Client.Model;
using CleanRoomsML.PowerShell.Transformation;

namespace CleanRoomsML.PowerShell.Output;

/// <summary>The one place where the client's view of an audience model becomes the cmdlets' output object.</summary>
internal static class AudienceModelMapper
{
    /// <summary>A GetAudienceModel answer: everything is known, so absent tags mean "no tags".</summary>
    public static AudienceModel FromGet(AudienceModelDetails details, string region) =>
        Map(details, region, TagTable.From(details.Tags) ?? TagTable.New());

    /// <summary>
    /// A ListAudienceModels summary. Summaries carry no tags, KMS key or status details, so Tags stays null
    /// (unknown) rather than an empty table that would claim "no tags".
    /// </summary>
    public static AudienceModel FromSummary(AudienceModelDetails details, string region) =>
        Map(details, region, tags: null);

    private static AudienceModel Map(AudienceModelDetails details, string region, Hashtable? tags) =>
        new(details.AudienceModelArn, details.Name, details.TrainingDatasetArn, region)
        {
            Status = OutputValues.Blank(details.Status),
            StatusCode = OutputValues.Blank(details.StatusCode),
            StatusMessage = OutputValues.Blank(details.StatusMessage),
            Description = details.Description,
            KmsKeyArn = details.KmsKeyArn,
            TrainingDataStartTime = OutputValues.Utc(details.TrainingDataStartTime),
            TrainingDataEndTime = OutputValues.Utc(details.TrainingDataEndTime),
            CreateTime = OutputValues.Utc(details.CreateTime),
            UpdateTime = OutputValues.Utc(details.UpdateTime),
            Tags = tags,
            RequestId = details.RequestId,
        };
}
