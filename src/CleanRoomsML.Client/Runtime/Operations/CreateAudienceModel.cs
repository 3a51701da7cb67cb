using System.Text.Json;
using Amazon.Runtime.Internal;
using CleanRoomsML.Client.Model;

namespace CleanRoomsML.Client.Runtime.Operations;

/// <summary>CreateAudienceModel: POST /audience-model.</summary>
internal static class CreateAudienceModel
{
    public static readonly Marshaller RequestMarshaller = new();
    public static readonly Reader ResponseReader = new();

    internal sealed class Marshaller : JsonRequestMarshaller<NewAudienceModel>
    {
        protected override void Build(IRequest request, NewAudienceModel input)
        {
            request.HttpMethod = "POST";
            request.ResourcePath = "/audience-model";
            WriteJsonBody(request, json =>
            {
                json.WriteString("name", input.Name);
                json.WriteString("trainingDatasetArn", input.TrainingDatasetArn);
                if (input.TrainingDataStartTime is { } start) json.WriteString("trainingDataStartTime", Iso8601.Format(start));
                if (input.TrainingDataEndTime is { } end) json.WriteString("trainingDataEndTime", Iso8601.Format(end));
                if (input.KmsKeyArn is not null) json.WriteString("kmsKeyArn", input.KmsKeyArn);
                if (input.Tags is not null)
                {
                    json.WriteStartObject("tags");
                    foreach (var tag in input.Tags) json.WriteString(tag.Key, tag.Value);
                    json.WriteEndObject();
                }
                if (input.Description is not null) json.WriteString("description", input.Description);
            });
        }
    }

    internal sealed class Reader : JsonResponseReader<AudienceModelCreated>
    {
        protected override AudienceModelCreated Read(JsonElement root, string? requestId) =>
            new(JsonRead.RequiredString(root, "audienceModelArn"), requestId);
    }
}
