using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;

namespace CleanRoomsML.Client.Runtime;

/// <summary>Configuration of <see cref="CleanRoomsMLClient"/>: the service's names and its endpoint rules.</summary>
public sealed class CleanRoomsMLConfig : ClientConfig
{
    public const string SigningName = "cleanrooms-ml";
    public const string ServiceIdentifier = "CleanRoomsML";
    public const string ApiVersion = "2023-09-06";

    private static readonly string UserAgentText =
        InternalSDKUtils.BuildUserAgentString(ServiceIdentifier, typeof(CleanRoomsMLConfig).Assembly.GetName().Version?.ToString() ?? "0.0.0");

    private static readonly CleanRoomsMLEndpointResolver SharedEndpointResolver = new();

    public CleanRoomsMLConfig()
        : base(new DefaultConfigurationProvider(DefaultConfigurationModes.All))
    {
        base.ServiceId = ServiceIdentifier;
        AuthenticationServiceName = SigningName;
        EndpointProvider = new CleanRoomsMLEndpointProvider();
    }

    public override string RegionEndpointServiceName => SigningName;

    public override string ServiceVersion => ApiVersion;

    public override string UserAgent => UserAgentText;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
    {
        var requestContext = new RequestContext(false)
        {
            ClientConfig = this,
            OriginalRequest = parameters.Request,
            Request = new DefaultRequest(parameters.Request, ServiceIdentifier) { AlternateEndpoint = parameters.AlternateEndpoint },
        };
        return SharedEndpointResolver.GetEndpoint(new ExecutionContext(requestContext, null));
    }
}
