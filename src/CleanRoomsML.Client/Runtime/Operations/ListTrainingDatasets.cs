using System.Text.Json;
using Amazon.Runtime.Internal;
using CleanRoomsML.Client.Model;

namespace CleanRoomsML.Client.Runtime.Operations;

/// <summary>ListTrainingDatasets: GET /training-dataset?nextToken=&amp;maxResults= (summaries).</summary>
internal static class ListTrainingDatasets
{
    public static readonly Marshaller RequestMarshaller = new();
    public static readonly Reader ResponseReader = new();

    internal sealed class Marshaller : JsonRequestMarshaller<PageRequest>
    {
        protected override void Build(IRequest request, PageRequest page)
        {
            request.HttpMethod = "GET";
            request.ResourcePath = "/training-dataset";
            SetPageQuery(request, page);
        }
    }

    internal sealed class Reader : JsonResponseReader<Page<TrainingDatasetDetails>>
    {
        protected override Page<TrainingDatasetDetails> Read(JsonElement root, string? requestId) =>
            ResourceJson.Page(root, "trainingDatasets", requestId, item => ResourceJson.TrainingDataset(item, null));
    }
}
