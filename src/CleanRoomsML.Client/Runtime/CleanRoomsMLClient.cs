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
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new CleanRoomsMLEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new CleanRoomsMLAuthSchemeHandler());
        pipeline.AddHandlerAfter<RetryHandler>(new AttemptReportingHandler());
    }

    public Task<AudienceModelCreated> CreateAudienceModelAsync(NewAudienceModel input, IAttemptObserver? observer = null, CancellationToken cancellationToken = default) =>
        CallAsync(input, observer, CreateAudienceModel.RequestMarshaller, CreateAudienceModel.ResponseReader, cancellationToken);

    public Task<AudienceModelDetails> GetAudienceModelAsync(string audienceModelArn, IAttemptObserver? observer = null, CancellationToken cancellationToken = default) =>
        CallAsync(audienceModelArn, observer, GetAudienceModel.RequestMarshaller, GetAudienceModel.ResponseReader, cancellationToken);

    private async Task<TOutput> CallAsync<TInput, TOutput>(TInput input, IAttemptObserver? observer,
        JsonRequestMarshaller<TInput> marshaller, JsonResponseReader<TOutput> reader, CancellationToken cancellationToken)
    {
        var options = new InvokeOptions { RequestMarshaller = marshaller, ResponseUnmarshaller = reader };
        var response = await InvokeAsync<OperationResponse<TOutput>>(new OperationRequest<TInput>(input, observer), options, cancellationToken)
            .ConfigureAwait(false);
        return response.Output;
    }
}
