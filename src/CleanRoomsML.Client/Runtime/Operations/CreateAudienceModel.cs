using Amazon.Runtime.Internal;
using CleanRoomsML.Client.Model;

namespace CleanRoomsML.Client.Runtime.Operations;

/// <summary>CreateAudienceModel: POST /audience-model.</summary>
internal static class CreateAudienceModel
{
    public static readonly Marshaller RequestMarshaller = new();

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
                if (input.Tags is not null) WriteTags(json, input.Tags);
                if (input.Description is not null) json.WriteString("description", input.Description);
            });
        }
    }
}
