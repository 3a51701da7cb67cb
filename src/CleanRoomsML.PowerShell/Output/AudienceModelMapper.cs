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
        Map(details, region, TagTable(details.Tags) ?? TagTransformationAttribute.NewTagTable());

    /// <summary>
    /// A ListAudienceModels summary. Summaries carry no tags, KMS key or status details, so Tags stays null
    /// (unknown) rather than an empty table that would claim "no tags".
    /// </summary>
    public static AudienceModel FromSummary(AudienceModelDetails details, string region) =>
        Map(details, region, tags: null);

    private static AudienceModel Map(AudienceModelDetails details, string region, Hashtable? tags) =>
        new(details.AudienceModelArn, details.Name, details.TrainingDatasetArn, region)
        {
            Status = Blank(details.Status),
            StatusCode = Blank(details.StatusCode),
            StatusMessage = Blank(details.StatusMessage),
            Description = details.Description,
            KmsKeyArn = details.KmsKeyArn,
            TrainingDataStartTime = Utc(details.TrainingDataStartTime),
            TrainingDataEndTime = Utc(details.TrainingDataEndTime),
            CreateTime = Utc(details.CreateTime),
            UpdateTime = Utc(details.UpdateTime),
            Tags = tags,
            RequestId = details.RequestId,
        };

    private static Hashtable? TagTable(IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is null) return null;
        Hashtable table = TagTransformationAttribute.NewTagTable();
        foreach (KeyValuePair<string, string> tag in tags) table[tag.Key] = tag.Value;
        return table;
    }

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static DateTime? Utc(DateTime? time) => time switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } t => t,
        { Kind: DateTimeKind.Unspecified } t => DateTime.SpecifyKind(t, DateTimeKind.Utc),
        { } t => t.ToUniversalTime(),
    };
}
