using Amazon.Runtime.Internal;

namespace CleanRoomsML.Client.Runtime.Operations;

/// <summary>DeleteTrainingDataset: DELETE /training-dataset/{trainingDatasetArn}.</summary>
internal static class DeleteTrainingDataset
{
    public static readonly Marshaller RequestMarshaller = new();

    internal sealed class Marshaller : JsonRequestMarshaller<string>
    {
        protected override void Build(IRequest request, string trainingDatasetArn) =>
            SetPath(request, "DELETE", "/training-dataset/{trainingDatasetArn}", "trainingDatasetArn", trainingDatasetArn);
    }
}
