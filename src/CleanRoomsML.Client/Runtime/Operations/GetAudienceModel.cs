using System.Text.Json;
using Amazon.Runtime.Internal;
using CleanRoomsML.Client.Model;

namespace CleanRoomsML.Client.Runtime.Operations;

/// <summary>GetAudienceModel: GET /audience-model/{audienceModelArn}.</summary>
internal static class GetAudienceModel
{
    public static readonly Marshaller RequestMarshaller = new();
    public static readonly Reader ResponseReader = new();

    internal sealed class Marshaller : JsonRequestMarshaller<string>
    {
        protected override void Build(IRequest request, string audienceModelArn)
        {
            request.HttpMethod = "GET";
            request.ResourcePath = "/audience-model/{audienceModelArn}";
            SetPathLabel(request, "audienceModelArn", audienceModelArn);
        }
    }

    internal sealed class Reader : JsonResponseReader<AudienceModelDetails>
    {
        protected override AudienceModelDetails Read(JsonElement root, string? requestId)
        {
            root.TryGetProperty("statusDetails", out JsonElement details);
            return new AudienceModelDetails
            {
                AudienceModelArn = JsonRead.RequiredString(root, "audienceModelArn"),
                Name = JsonRead.RequiredString(root, "name"),
                TrainingDatasetArn = JsonRead.RequiredString(root, "trainingDatasetArn"),
                Status = JsonRead.RequiredString(root, "status"),
                StatusCode = JsonRead.String(details, "statusCode"),
                StatusMessage = JsonRead.String(details, "message"),
                CreateTime = JsonRead.Time(root, "createTime"),
                UpdateTime = JsonRead.Time(root, "updateTime"),
                TrainingDataStartTime = JsonRead.Time(root, "trainingDataStartTime"),
                TrainingDataEndTime = JsonRead.Time(root, "trainingDataEndTime"),
                KmsKeyArn = JsonRead.String(root, "kmsKeyArn"),
                Description = JsonRead.String(root, "description"),
                Tags = JsonRead.StringMap(root, "tags"),
                RequestId = requestId,
            };
        }
    }
}
