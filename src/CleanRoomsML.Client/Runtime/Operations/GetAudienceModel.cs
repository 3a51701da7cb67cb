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
        protected override void Build(IRequest request, string audienceModelArn) =>
            SetPath(request, "GET", "/audience-model/{audienceModelArn}", "audienceModelArn", audienceModelArn);
    }

    internal sealed class Reader : JsonResponseReader<AudienceModelDetails>
    {
        protected override AudienceModelDetails Read(JsonElement root, string? requestId) => ResourceJson.AudienceModel(root, requestId);
    }
}
