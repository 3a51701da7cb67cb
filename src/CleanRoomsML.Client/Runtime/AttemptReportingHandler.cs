using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace CleanRoomsML.Client.Runtime;

/// <summary>
/// Sits inside the SDK's retry handler, so it runs once per attempt, and tells the request's observer what
/// is sent and how it failed. It never sees credentials: only the method, the URL and the error.
/// </summary>
internal sealed class AttemptReportingHandler : PipelineHandler
{
    public override void InvokeSync(IExecutionContext executionContext)
    {
        IAttemptObserver? observer = Starting(executionContext);
        try
        {
            base.InvokeSync(executionContext);
        }
        catch (Exception e) when (Failed(observer, executionContext, e))
        {
            throw; // unreachable: Failed returns false so the exception flows on untouched
        }
    }

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        IAttemptObserver? observer = Starting(executionContext);
        try
        {
            return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }
        catch (Exception e) when (Failed(observer, executionContext, e))
        {
            throw;
        }
    }

    private static IAttemptObserver? Starting(IExecutionContext context)
    {
        var observer = (context.RequestContext.OriginalRequest as IObservedRequest)?.Observer;
        if (observer is not null)
        {
            IRequest request = context.RequestContext.Request;
            // ComposeUrl fills the path labels (the ARNs), as the request will be sent.
            string url = request.Endpoint is null ? request.ResourcePath : AmazonServiceClient.ComposeUrl(request).ToString();
            observer.AttemptStarting(context.RequestContext.Retries + 1, request.HttpMethod, url);
        }
        return observer;
    }

    private static bool Failed(IAttemptObserver? observer, IExecutionContext context, Exception e)
    {
        if (observer is null) return false;
        string reason = e is AmazonServiceException service
            ? $"{(int)service.StatusCode} {service.ErrorCode}: {service.Message}"
            : $"{e.GetType().Name}: {e.Message}";
        observer.AttemptFailed(context.RequestContext.Retries + 1, reason);
        return false;
    }
}

/// <summary>A request that carries an observer; lets the handler find it without knowing the input type.</summary>
internal interface IObservedRequest
{
    IAttemptObserver? Observer { get; }
}
