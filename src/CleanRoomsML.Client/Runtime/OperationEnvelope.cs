using Amazon.Runtime;

namespace CleanRoomsML.Client.Runtime;

/// <summary>
/// Carries an operation's input (a plain model type, free of SDK types) through the SDK pipeline, with the
/// observer that reports each attempt.
/// </summary>
internal sealed class OperationRequest<TInput> : AmazonWebServiceRequest, IObservedRequest
{
    public OperationRequest(TInput input, IAttemptObserver? observer)
    {
        Input = input;
        Observer = observer;
    }

    public TInput Input { get; }

    public IAttemptObserver? Observer { get; }
}

/// <summary>Carries an operation's output back out of the SDK pipeline.</summary>
internal sealed class OperationResponse<TOutput> : AmazonWebServiceResponse
{
    public TOutput Output { get; set; } = default!;
}
