using Amazon.Runtime.Internal;

namespace CleanRoomsML.Client.Runtime.Operations;

/// <summary>DeleteAudienceModel: DELETE /audience-model/{audienceModelArn}.</summary>
internal static class DeleteAudienceModel
{
    public static readonly Marshaller RequestMarshaller = new();

    internal sealed class Marshaller : JsonRequestMarshaller<string>
    {
        protected override void Build(IRequest request, string audienceModelArn) =>
            SetPath(request, "DELETE", "/audience-model/{audienceModelArn}", "audienceModelArn", audienceModelArn);
    }
}
