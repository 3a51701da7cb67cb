using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal.Endpoints.StandardLibrary;

namespace CleanRoomsML.Client.Runtime;

/// <summary>
/// The service's endpoint rule set (endpoint-rule-set-1.json), written out: a custom endpoint is used
/// as given; otherwise cleanrooms-ml[-fips].{region}.{dnsSuffix or dualStackDnsSuffix} of the region's partition.
/// </summary>
public sealed class CleanRoomsMLEndpointProvider : IEndpointProvider
{
    public Endpoint ResolveEndpoint(EndpointParameters parameters)
    {
        var p = (CleanRoomsMLEndpointParameters)parameters;

        if (!string.IsNullOrEmpty(p.Endpoint))
        {
            if (p.UseFIPS) throw new AmazonClientException("Invalid Configuration: FIPS and custom endpoint are not supported");
            if (p.UseDualStack) throw new AmazonClientException("Invalid Configuration: Dualstack and custom endpoint are not supported");
            return new Endpoint(p.Endpoint);
        }

        if (string.IsNullOrEmpty(p.Region)) throw new AmazonClientException("Invalid Configuration: Missing Region");

        Partition partition = Fn.Partition(p.Region)
            ?? throw new AmazonClientException($"Cannot find the AWS partition of the region '{p.Region}'.");

        if (p.UseFIPS && p.UseDualStack && !(partition.supportsFIPS && partition.supportsDualStack))
            throw new AmazonClientException("FIPS and DualStack are enabled, but this partition does not support one or both");
        if (p.UseFIPS && !partition.supportsFIPS)
            throw new AmazonClientException("FIPS is enabled but this partition does not support FIPS");
        if (p.UseDualStack && !partition.supportsDualStack)
            throw new AmazonClientException("DualStack is enabled but this partition does not support DualStack");

        string host = p.UseFIPS ? "cleanrooms-ml-fips" : "cleanrooms-ml";
        string suffix = p.UseDualStack ? partition.dualStackDnsSuffix : partition.dnsSuffix;
        return new Endpoint($"https://{host}.{p.Region}.{suffix}");
    }
}
