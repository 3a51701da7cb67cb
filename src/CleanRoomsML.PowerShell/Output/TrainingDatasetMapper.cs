using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using CleanRoomsML.Client;
using CleanRoomsML.Client.Model;
using CleanRoomsML.PowerShell.Transformation;

namespace CleanRoomsML.PowerShell.Output;

/// <summary>The one place where the client's view of a training dataset becomes the cmdlets' output object.</summary>
internal static class TrainingDatasetMapper
{
    /// <summary>A GetTrainingDataset answer: everything is known, so absent tags mean "no tags".</summary>
    public static TrainingDataset FromGet(TrainingDatasetDetails details, string region) =>
        Map(details, region, TagTable.From(details.Tags) ?? TagTable.New());

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

    private static TrainingDataset Map(TrainingDatasetDetails details, string region, Hashtable? tags) =>
        new(details.TrainingDatasetArn, details.Name, region)
        {
            Status = OutputValues.Blank(details.Status),
            Description = details.Description,
            RoleArn = details.RoleArn,
            DatabaseName = details.DatabaseName,
            TableName = details.TableName,
            CatalogId = details.CatalogId,
            Columns = ToSchema(details.Columns),
            Tags = tags,
            CreateTime = OutputValues.Utc(details.CreateTime),
            UpdateTime = OutputValues.Utc(details.UpdateTime),
            RequestId = details.RequestId,
        };
}
