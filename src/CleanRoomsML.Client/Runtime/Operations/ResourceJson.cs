using System.Collections.Generic;
using System.Text.Json;
using CleanRoomsML.Client.Model;

namespace CleanRoomsML.Client.Runtime.Operations;

/// <summary>Reads the resource shapes that several operations return (a Get's full object, a List's summaries).</summary>
internal static class ResourceJson
{
    public static AudienceModelDetails AudienceModel(JsonElement json, string? requestId)
    {
        json.TryGetProperty("statusDetails", out JsonElement details);
        return new AudienceModelDetails
        {
            AudienceModelArn = JsonRead.RequiredString(json, "audienceModelArn"),
            Name = JsonRead.RequiredString(json, "name"),
            TrainingDatasetArn = JsonRead.RequiredString(json, "trainingDatasetArn"),
            Status = JsonRead.RequiredString(json, "status"),
            StatusCode = JsonRead.String(details, "statusCode"),
            StatusMessage = JsonRead.String(details, "message"),
            CreateTime = JsonRead.Time(json, "createTime"),
            UpdateTime = JsonRead.Time(json, "updateTime"),
            TrainingDataStartTime = JsonRead.Time(json, "trainingDataStartTime"),
            TrainingDataEndTime = JsonRead.Time(json, "trainingDataEndTime"),
            KmsKeyArn = JsonRead.String(json, "kmsKeyArn"),
            Description = JsonRead.String(json, "description"),
            Tags = JsonRead.StringMap(json, "tags"),
            RequestId = requestId,
        };
    }

    public static TrainingDatasetDetails TrainingDataset(JsonElement json, string? requestId)
    {
        // trainingData is a list of exactly one INTERACTIONS dataset read from one Glue table.
        JsonElement input = default, glue = default;
        if (json.TryGetProperty("trainingData", out JsonElement data) && data.ValueKind == JsonValueKind.Array && data.GetArrayLength() > 0
            && data[0].TryGetProperty("inputConfig", out input)
            && input.TryGetProperty("dataSource", out JsonElement source))
        {
            source.TryGetProperty("glueDataSource", out glue);
        }
        return new TrainingDatasetDetails
        {
            TrainingDatasetArn = JsonRead.RequiredString(json, "trainingDatasetArn"),
            Name = JsonRead.RequiredString(json, "name"),
            Status = JsonRead.RequiredString(json, "status"),
            CreateTime = JsonRead.Time(json, "createTime"),
            UpdateTime = JsonRead.Time(json, "updateTime"),
            Description = JsonRead.String(json, "description"),
            RoleArn = JsonRead.String(json, "roleArn"),
            DatabaseName = JsonRead.String(glue, "databaseName"),
            TableName = JsonRead.String(glue, "tableName"),
            CatalogId = JsonRead.String(glue, "catalogId"),
            Columns = Columns(input),
            Tags = JsonRead.StringMap(json, "tags"),
            RequestId = requestId,
        };
    }

    public static Page<T> Page<T>(JsonElement root, string listMember, string? requestId, System.Func<JsonElement, T> readItem)
    {
        var items = new List<T>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(listMember, out JsonElement list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in list.EnumerateArray()) items.Add(readItem(item));
        }
        return new Page<T>(items, JsonRead.String(root, "nextToken"), requestId);
    }

    private static IReadOnlyList<TrainingDatasetColumn>? Columns(JsonElement inputConfig)
    {
        if (inputConfig.ValueKind != JsonValueKind.Object || !inputConfig.TryGetProperty("schema", out JsonElement schema) || schema.ValueKind != JsonValueKind.Array)
            return null;
        var columns = new List<TrainingDatasetColumn>();
        foreach (JsonElement column in schema.EnumerateArray())
        {
            string type = column.TryGetProperty("columnTypes", out JsonElement types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0
                ? types[0].GetString() ?? ""
                : "";
            columns.Add(new TrainingDatasetColumn(JsonRead.RequiredString(column, "columnName"), type));
        }
        return columns;
    }
}
