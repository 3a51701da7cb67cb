using System.Text.Json.Nodes;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.Client.Model;
using CleanRoomsML.Emulator.Protocol;
using CleanRoomsML.Emulator.State;

namespace CleanRoomsML.Emulator.Operations;

/// <summary>CreateTrainingDataset, GetTrainingDataset, ListTrainingDatasets, DeleteTrainingDataset.</summary>
public sealed class TrainingDatasetOperations
{
    private const string ListName = "training-datasets";
    private static readonly string[] DatasetTypes = { "INTERACTIONS" };
    private static readonly IReadOnlyList<string> ColumnTypes = TrainingDatasetColumn.ColumnTypes;
    private readonly OperationContext _context;

    public TrainingDatasetOperations(OperationContext context) => _context = context;

    public JsonObject Create(ServiceRequest request)
    {
        var errors = new ValidationErrors();
        var body = JsonFields.ParseBody(request.Body, errors);
        string? name = body.String("name", required: true, ServiceConstraints.Name);
        string? roleArn = body.String("roleArn", required: true, ServiceConstraints.RoleArn);
        var trainingData = ReadTrainingData(body);
        var tags = body.Tags("tags", required: false);
        string? description = body.String("description", required: false, ServiceConstraints.Description);
        errors.ThrowIfAny();

        var dataset = new TrainingDataset(
            Arns.TrainingDataset(request.Region, request.AccountId, Arns.NewId()),
            name!, request.Region, roleArn!, description, trainingData!, OperationContext.Truncate(request.UtcNow));
        var stored = _context.Store.AddTrainingDataset(dataset, tags ?? Array.Empty<KeyValuePair<string, string>>());
        return new JsonObject { ["trainingDatasetArn"] = stored.Arn };
    }

    public JsonObject Get(ServiceRequest request)
    {
        string arn = Labels.Require(request, ServiceConstraints.TrainingDatasetArn);
        var dataset = _context.Store.GetTrainingDataset(arn);
        return ResourceJson.TrainingDataset(dataset, _context.Store.GetTags(arn));
    }

    public JsonObject List(ServiceRequest request)
    {
        var page = PageRequest.From(request, ListName);
        var (datasets, more) = _context.Store.ListTrainingDatasets(request.Region, page.AfterSequence, page.PageSize);
        var json = new JsonObject
        {
            ["trainingDatasets"] = new JsonArray(datasets.Select(d => (JsonNode?)ResourceJson.TrainingDatasetSummary(d)).ToArray()),
        };
        if (more) json["nextToken"] = new PageToken(ListName, request.Region, datasets[^1].Sequence).Encode();
        return json;
    }

    public JsonObject? Delete(ServiceRequest request)
    {
        string arn = Labels.Require(request, ServiceConstraints.TrainingDatasetArn);
        _context.Store.DeleteTrainingDataset(arn);
        return null;
    }

    /// <summary>trainingData: exactly one Dataset, each member checked down to the column types.</summary>
    private static IReadOnlyList<DatasetSpec>? ReadTrainingData(JsonFields body)
    {
        var items = body.List("trainingData", required: true, minItems: 1, maxItems: 1);
        if (items is null) return null;
        var datasets = new List<DatasetSpec>();
        for (int i = 0; i < items.Count; i++)
        {
            if (body.Item(items[i], "trainingData", i) is not { } dataset) continue;
            string? type = dataset.Enum("type", required: true, DatasetTypes);
            var inputConfig = dataset.Object("inputConfig", required: true);
            var schema = inputConfig is null ? null : ReadSchema(inputConfig);
            var glue = inputConfig?.Object("dataSource", required: true)?.Object("glueDataSource", required: true);
            string? table = glue?.String("tableName", required: true, ServiceConstraints.GlueTableName);
            string? database = glue?.String("databaseName", required: true, ServiceConstraints.GlueDatabaseName);
            string? catalogId = glue?.String("catalogId", required: false, ServiceConstraints.AccountId);
            if (type is not null && schema is not null && table is not null && database is not null)
            {
                datasets.Add(new DatasetSpec(type, schema, database, table, catalogId));
            }
        }
        return datasets;
    }

    private static IReadOnlyList<ColumnSpec>? ReadSchema(JsonFields inputConfig)
    {
        var items = inputConfig.List("schema", required: true, minItems: ServiceConstraints.MinSchemaColumns, maxItems: ServiceConstraints.MaxSchemaColumns);
        if (items is null) return null;
        var columns = new List<ColumnSpec>();
        for (int i = 0; i < items.Count; i++)
        {
            if (inputConfig.Item(items[i], "schema", i) is not { } column) continue;
            string? columnName = column.String("columnName", required: true, ServiceConstraints.ColumnName);
            var typeItems = column.List("columnTypes", required: true, minItems: 1, maxItems: 1);
            var types = new List<string>();
            for (int t = 0; typeItems is not null && t < typeItems.Count; t++)
            {
                string path = $"{column.PathOf("columnTypes")}.{t + 1}.member";
                var item = typeItems[t];
                string? value = item.ValueKind == System.Text.Json.JsonValueKind.String ? item.GetString() : null;
                if (value is null || !ColumnTypes.Contains(value, StringComparer.Ordinal))
                {
                    column.Errors.Add(value ?? item.GetRawText(), path, $"Member must satisfy enum value set: [{string.Join(", ", ColumnTypes)}]");
                    continue;
                }
                types.Add(value);
            }
            if (columnName is not null && typeItems is not null && types.Count == typeItems.Count)
            {
                columns.Add(new ColumnSpec(columnName, types));
            }
        }
        return columns.Count == items.Count ? columns : null;
    }
}
