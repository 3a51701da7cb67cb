using System.Text.Json.Nodes;

namespace CleanRoomsML.Emulator.State;

/// <summary>One column of a training dataset's schema.</summary>
public sealed record ColumnSpec(string ColumnName, IReadOnlyList<string> ColumnTypes);

/// <summary>One item of a training dataset's <c>trainingData</c>: an INTERACTIONS table in Glue.</summary>
public sealed record DatasetSpec(string Type, IReadOnlyList<ColumnSpec> Schema, string DatabaseName, string TableName, string? CatalogId)
{
    public JsonObject ToJson()
    {
        var glue = new JsonObject { ["tableName"] = TableName, ["databaseName"] = DatabaseName };
        if (CatalogId is not null) glue["catalogId"] = CatalogId;
        var schema = new JsonArray();
        foreach (var column in Schema)
        {
            schema.Add(new JsonObject
            {
                ["columnName"] = column.ColumnName,
                ["columnTypes"] = new JsonArray(column.ColumnTypes.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            });
        }
        return new JsonObject
        {
            ["type"] = Type,
            ["inputConfig"] = new JsonObject
            {
                ["schema"] = schema,
                ["dataSource"] = new JsonObject { ["glueDataSource"] = glue },
            },
        };
    }
}
