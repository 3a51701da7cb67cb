using System.Text.Json.Nodes;
using CleanRoomsML.Client;
using CleanRoomsML.Emulator.State;

namespace CleanRoomsML.Emulator.Operations;

/// <summary>The response shapes of the resources (GetX output and list summaries).</summary>
public static class ResourceJson
{
    public static JsonObject AudienceModel(AudienceModel model, AudienceModelState state, IReadOnlyDictionary<string, string> tags)
    {
        var json = AudienceModelSummary(model, state);
        if (model.TrainingDataStartTime is { } start) json["trainingDataStartTime"] = Iso8601.Format(start);
        if (model.TrainingDataEndTime is { } end) json["trainingDataEndTime"] = Iso8601.Format(end);
        if (model.KmsKeyArn is not null) json["kmsKeyArn"] = model.KmsKeyArn;
        if (state.StatusCode is not null || state.StatusMessage is not null)
        {
            json["statusDetails"] = new JsonObject { ["statusCode"] = state.StatusCode, ["message"] = state.StatusMessage };
        }
        json["tags"] = Tags(tags);
        return json;
    }

    public static JsonObject AudienceModelSummary(AudienceModel model, AudienceModelState state)
    {
        var json = new JsonObject
        {
            ["createTime"] = Iso8601.Format(model.CreateTime),
            ["updateTime"] = Iso8601.Format(state.UpdateTime),
            ["audienceModelArn"] = model.Arn,
            ["name"] = model.Name,
            ["trainingDatasetArn"] = model.TrainingDatasetArn,
            ["status"] = state.Status,
        };
        if (model.Description is not null) json["description"] = model.Description;
        return json;
    }

    public static JsonObject TrainingDataset(TrainingDataset dataset, IReadOnlyDictionary<string, string> tags)
    {
        var json = TrainingDatasetSummary(dataset);
        json["roleArn"] = dataset.RoleArn;
        json["trainingData"] = new JsonArray(dataset.TrainingData.Select(d => (JsonNode?)d.ToJson()).ToArray());
        json["tags"] = Tags(tags);
        return json;
    }

    public static JsonObject TrainingDatasetSummary(TrainingDataset dataset)
    {
        var json = new JsonObject
        {
            ["createTime"] = Iso8601.Format(dataset.CreateTime),
            ["updateTime"] = Iso8601.Format(dataset.CreateTime),
            ["trainingDatasetArn"] = dataset.Arn,
            ["name"] = dataset.Name,
            ["status"] = State.TrainingDataset.Status,
        };
        if (dataset.Description is not null) json["description"] = dataset.Description;
        return json;
    }

    public static JsonObject Tags(IReadOnlyDictionary<string, string> tags)
    {
        var json = new JsonObject();
        foreach (var tag in tags.OrderBy(t => t.Key, StringComparer.Ordinal)) json[tag.Key] = tag.Value;
        return json;
    }
}
