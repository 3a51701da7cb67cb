using System.Text.Json;
using Amazon.Runtime.Internal;
using CleanRoomsML.Client.Model;

namespace CleanRoomsML.Client.Runtime.Operations;

/// <summary>GetTrainingDataset: GET /training-dataset/{trainingDatasetArn}.</summary>
internal static class GetTrainingDataset
{
    public static readonly Marshaller RequestMarshaller = new();
    public static readonly Reader ResponseReader = new();

    internal sealed class Marshaller : JsonRequestMarshaller<string>
    {
        protected override void Build(IRequest request, string trainingDatasetArn) =>
            SetPath(request, "GET", "/training-dataset/{trainingDatasetArn}", "trainingDatasetArn", trainingDatasetArn);
    }

    internal sealed class Reader : JsonResponseReader<TrainingDatasetDetails>
    {
        protected override TrainingDatasetDetails Read(JsonElement root, string? requestId) => ResourceJson.TrainingDataset(root, requestId);
    }
}
