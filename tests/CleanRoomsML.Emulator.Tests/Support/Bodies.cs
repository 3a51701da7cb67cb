using System.Text.Json.Nodes;

namespace CleanRoomsML.Emulator.Tests.Support;

/// <summary>Valid request bodies, with members added or replaced through <c>extra</c> (a JSON null removes one).</summary>
public static class Bodies
{
    public static JsonObject AudienceModel(string name, string datasetArn, JsonObject? extra = null) =>
        Merge(new JsonObject { ["name"] = name, ["trainingDatasetArn"] = datasetArn }, extra);

    public static JsonObject TrainingDataset(string name, JsonObject? extra = null) => Merge(new JsonObject
    {
        ["name"] = name,
        ["roleArn"] = "arn:aws:iam::123456789012:role/cleanrooms-ml",
        ["trainingData"] = new JsonArray(Dataset()),
    }, extra);

    public static JsonObject Dataset(string type = "INTERACTIONS", string columnType = "USER_ID", string table = "interactions") => new()
    {
        ["type"] = type,
        ["inputConfig"] = new JsonObject
        {
            ["schema"] = new JsonArray(
                new JsonObject { ["columnName"] = "user_id", ["columnTypes"] = new JsonArray(columnType) },
                new JsonObject { ["columnName"] = "item_id", ["columnTypes"] = new JsonArray("ITEM_ID") }),
            ["dataSource"] = new JsonObject
            {
                ["glueDataSource"] = new JsonObject { ["databaseName"] = "db", ["tableName"] = table },
            },
        },
    };

    private static JsonObject Merge(JsonObject body, JsonObject? extra)
    {
        if (extra is null) return body;
        foreach (var member in extra.ToList())
        {
            if (member.Value is null) body.Remove(member.Key);
            else body[member.Key] = member.Value.DeepClone();
        }
        return body;
    }
}
