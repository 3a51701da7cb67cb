using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using CleanRoomsML.Client.Model;
using CleanRoomsML.Client.Runtime.Operations;

namespace CleanRoomsML.Client.Runtime;

/// <summary>
/// A Clean Rooms ML client on the AWS SDK's own pipeline: credentials, endpoints, SigV4, retries and
/// typed errors (see Runtime/Errors) all come from AWSSDK.Core. Thread-safe; build one and reuse it.
/// Each operation is an input type, an output type and a marshaller/reader pair in Runtime/Operations.
/// </summary>
public sealed class CleanRoomsMLClient : AmazonServiceClient
{
    /// <summary>Uses the SDK's default credential chain (environment, profiles, SSO, container, instance).</summary>
    public CleanRoomsMLClient(CleanRoomsMLConfig config) : base(config) { }

    public CleanRoomsMLClient(AWSCredentials credentials, CleanRoomsMLConfig config) : base(credentials, config) { }

    protected override IServiceMetadata ServiceMetadata => CleanRoomsMLMetadata.Instance;

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        // Handlers that never act for this service, yet cost a pipeline stage (an async frame, and its JIT
        // warm-up) on every request: no operation has endpoint discovery (the discovery handler would only
        // fetch the credentials a second time), request compression, or a flexible checksum (the marshallers
        // set neither CompressionAlgorithm nor ChecksumData, so both handlers return at once).
        pipeline.RemoveHandler<EndpointDiscoveryHandler>();
        pipeline.RemoveHandler<CompressionHandler>();
        pipeline.RemoveHandler<ChecksumHandler>();
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new CleanRoomsMLEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new CleanRoomsMLAuthSchemeHandler());
        pipeline.AddHandlerAfter<RetryHandler>(new AttemptReportingHandler());
    }

    public Task<ResourceCreated> CreateAudienceModelAsync(NewAudienceModel input, IAttemptObserver? observer = null, CancellationToken cancellationToken = default) =>
        CallAsync(input, observer, CreateAudienceModel.RequestMarshaller, CreatedReader.AudienceModel, cancellationToken);

    public Task<AudienceModelDetails> GetAudienceModelAsync(string audienceModelArn, IAttemptObserver? observer = null, CancellationToken cancellationToken = default) =>
        CallAsync(audienceModelArn, observer, GetAudienceModel.RequestMarshaller, GetAudienceModel.ResponseReader, cancellationToken);

    public Task<Page<AudienceModelDetails>> ListAudienceModelsAsync(PageRequest page, IAttemptObserver? observer = null, CancellationToken cancellationToken = default) =>
        CallAsync(page, observer, ListAudienceModels.RequestMarshaller, ListAudienceModels.ResponseReader, cancellationToken);

    public Task<ServiceReceipt> DeleteAudienceModelAsync(string audienceModelArn, IAttemptObserver? observer = null, CancellationToken cancellationToken = default) =>
        CallAsync(audienceModelArn, observer, DeleteAudienceModel.RequestMarshaller, ReceiptReader.Instance, cancellationToken);

    public Task<ResourceCreated> CreateTrainingDatasetAsync(NewTrainingDataset input, IAttemptObserver? observer = null, CancellationToken cancellationToken = default) =>
        CallAsync(input, observer, CreateTrainingDataset.RequestMarshaller, CreatedReader.TrainingDataset, cancellationToken);

    public Task<TrainingDatasetDetails> GetTrainingDatasetAsync(string trainingDatasetArn, IAttemptObserver? observer = null, CancellationToken cancellationToken = default) =>
        CallAsync(trainingDatasetArn, observer, GetTrainingDataset.RequestMarshaller, GetTrainingDataset.ResponseReader, cancellationToken);

    public Task<Page<TrainingDatasetDetails>> ListTrainingDatasetsAsync(PageRequest page, IAttemptObserver? observer = null, CancellationToken cancellationToken = default) =>
        CallAsync(page, observer, ListTrainingDatasets.RequestMarshaller, ListTrainingDatasets.ResponseReader, cancellationToken);

    public Task<ServiceReceipt> DeleteTrainingDatasetAsync(string trainingDatasetArn, IAttemptObserver? observer = null, CancellationToken cancellationToken = default) =>
        CallAsync(trainingDatasetArn, observer, DeleteTrainingDataset.RequestMarshaller, ReceiptReader.Instance, cancellationToken);

    public Task<ServiceReceipt> TagResourceAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, IAttemptObserver? observer = null, CancellationToken cancellationToken = default) =>
        CallAsync(new TagChange(resourceArn, tags, null), observer, Tags.TagResource, ReceiptReader.Instance, cancellationToken);

    public Task<ServiceReceipt> UntagResourceAsync(string resourceArn, IReadOnlyList<string> tagKeys, IAttemptObserver? observer = null, CancellationToken cancellationToken = default) =>
        CallAsync(new TagChange(resourceArn, null, tagKeys), observer, Tags.UntagResource, ReceiptReader.Instance, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string resourceArn, IAttemptObserver? observer = null, CancellationToken cancellationToken = default) =>
        CallAsync(resourceArn, observer, Tags.ListTagsForResource, Tags.ListTagsReader, cancellationToken);

    private async Task<TOutput> CallAsync<TInput, TOutput>(TInput input, IAttemptObserver? observer,
        JsonRequestMarshaller<TInput> marshaller, JsonResponseReader<TOutput> reader, CancellationToken cancellationToken)
    {
        var options = new InvokeOptions { RequestMarshaller = marshaller, ResponseUnmarshaller = reader };
        var response = await InvokeAsync<OperationResponse<TOutput>>(new OperationRequest<TInput>(input, observer), options, cancellationToken)
            .ConfigureAwait(false);
        return response.Output;
    }
}
