using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using CleanRoomsML.Client;
using CleanRoomsML.Client.Model;
using CleanRoomsML.PowerShell.Transformation;

namespace CleanRoomsML.PowerShell.Output;

/// <summary>The one place where the client's view of a training dataset (and of tags) becomes the cmdlets' output.</summary>
internal static class OutputMapper
{
    /// <summary>A GetTrainingDataset answer: everything is known, so absent tags mean "no tags".</summary>
    public static TrainingDataset FromGet(TrainingDatasetDetails details, string region) =>
        Map(details, region, ToTagTable(details.Tags ?? new Dictionary<string, string>()));

    /// <summary>
    /// A ListTrainingDatasets summary: no role, Glue source, columns or tags, so those stay null (unknown)
    /// rather than claiming "none".
    /// </summary>
    public static TrainingDataset FromSummary(TrainingDatasetDetails details, string region) => Map(details, region, tags: null);

    /// <summary>Column name to column type, in the schema's order; null when not reported.</summary>
    public static OrderedDictionary? ToSchema(IReadOnlyList<TrainingDatasetColumn>? columns)
    {
        if (columns is null) return null;
        var schema = new OrderedDictionary();
        foreach (TrainingDatasetColumn column in columns) schema[column.Name] = column.Type;
        return schema;
    }

    /// <summary>A case-sensitive Hashtable of the tags; null when not reported.</summary>
    public static Hashtable? ToTagTable(IEnumerable<KeyValuePair<string, string>>? tags)
    {
        if (tags is null) return null;
        Hashtable table = TagTransformationAttribute.NewTagTable();
        foreach (KeyValuePair<string, string> tag in tags) table[tag.Key] = tag.Value;
        return table;
    }

    private static TrainingDataset Map(TrainingDatasetDetails details, string region, Hashtable? tags) =>
        new(details.TrainingDatasetArn, details.Name, region)
        {
            Status = Blank(details.Status),
            Description = details.Description,
            RoleArn = details.RoleArn,
            DatabaseName = details.DatabaseName,
            TableName = details.TableName,
            CatalogId = details.CatalogId,
            Columns = ToSchema(details.Columns),
            Tags = tags,
            CreateTime = Utc(details.CreateTime),
            UpdateTime = Utc(details.UpdateTime),
            RequestId = details.RequestId,
        };

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static DateTime? Utc(DateTime? time) => time is null ? null : Iso8601.ToUtc(time.Value);
}
