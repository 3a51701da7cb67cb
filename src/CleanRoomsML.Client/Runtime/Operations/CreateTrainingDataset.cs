using System.Text.Json;
using Amazon.Runtime.Internal;
using CleanRoomsML.Client.Model;

namespace CleanRoomsML.Client.Runtime.Operations;

/// <summary>CreateTrainingDataset: POST /training-dataset.</summary>
internal static class CreateTrainingDataset
{
    public static readonly Marshaller RequestMarshaller = new();

    internal sealed class Marshaller : JsonRequestMarshaller<NewTrainingDataset>
    {
        protected override void Build(IRequest request, NewTrainingDataset input)
        {
            request.HttpMethod = "POST";
            request.ResourcePath = "/training-dataset";
            WriteJsonBody(request, json =>
            {
                json.WriteString("name", input.Name);
                json.WriteString("roleArn", input.RoleArn);
                json.WriteStartArray("trainingData");
                json.WriteStartObject();
                json.WriteString("type", "INTERACTIONS");
                json.WriteStartObject("inputConfig");
                json.WriteStartArray("schema");
                foreach (TrainingDatasetColumn column in input.Columns)
                {
                    json.WriteStartObject();
                    json.WriteString("columnName", column.Name);
                    json.WriteStartArray("columnTypes");
                    json.WriteStringValue(column.Type);
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteStartObject("dataSource");
                json.WriteStartObject("glueDataSource");
                json.WriteString("tableName", input.TableName);
                json.WriteString("databaseName", input.DatabaseName);
                if (input.CatalogId is not null) json.WriteString("catalogId", input.CatalogId);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                if (input.Tags is not null) WriteTags(json, input.Tags);
                if (input.Description is not null) json.WriteString("description", input.Description);
            });
        }
    }
}
