using System.Text.Json;
using Amazon.Runtime.Internal;
using CleanRoomsML.Client.Model;

namespace CleanRoomsML.Client.Runtime.Operations;

/// <summary>ListAudienceModels: GET /audience-model?nextToken=&amp;maxResults= (summaries: no tags, KMS key or statusDetails).</summary>
internal static class ListAudienceModels
{
    public static readonly Marshaller RequestMarshaller = new();
    public static readonly Reader ResponseReader = new();

    internal sealed class Marshaller : JsonRequestMarshaller<PageRequest>
    {
        protected override void Build(IRequest request, PageRequest page)
        {
            request.HttpMethod = "GET";
            request.ResourcePath = "/audience-model";
            SetPageQuery(request, page);
        }
    }

    internal sealed class Reader : JsonResponseReader<Page<AudienceModelDetails>>
    {
        protected override Page<AudienceModelDetails> Read(JsonElement root, string? requestId) =>
            ResourceJson.Page(root, "audienceModels", requestId, item => ResourceJson.AudienceModel(item, null));
    }
}
