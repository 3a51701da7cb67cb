using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace CleanRoomsML.Client.Runtime;

/// <summary>Feeds the client's configuration into the endpoint rules for each request.</summary>
internal sealed class CleanRoomsMLEndpointResolver : BaseEndpointResolver
{
    protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
    {
        var config = (CleanRoomsMLConfig)requestContext.ClientConfig;
        return new CleanRoomsMLEndpointParameters
        {
            // With a custom ServiceURL the SDK clears RegionEndpoint; the signing region then carries the region.
            Region = requestContext.Request.AlternateEndpoint?.SystemName
                ?? config.RegionEndpoint?.SystemName
                ?? config.AuthenticationRegion,
            UseFIPS = config.UseFIPSEndpoint,
            UseDualStack = config.UseDualstackEndpoint,
            Endpoint = config.ServiceURL,
        };
    }
}
