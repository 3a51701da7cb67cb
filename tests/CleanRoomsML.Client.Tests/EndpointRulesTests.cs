using Amazon.Runtime;
using CleanRoomsML.Client.Runtime;

namespace CleanRoomsML.Client.Tests;

/// <summary>The endpoint rule set of the service (endpoint-rule-set-1.json) and its test vectors.</summary>
public sealed class EndpointRulesTests
{
    private static string Resolve(string? region, bool fips = false, bool dualStack = false, string? endpoint = null) =>
        new CleanRoomsMLEndpointProvider().ResolveEndpoint(new CleanRoomsMLEndpointParameters
        {
            Region = region,
            UseFIPS = fips,
            UseDualStack = dualStack,
            Endpoint = endpoint,
        }).URL;

    [Theory]
    [InlineData("us-east-1", false, false, "https://cleanrooms-ml.us-east-1.amazonaws.com")]
    [InlineData("us-east-1", true, false, "https://cleanrooms-ml-fips.us-east-1.amazonaws.com")]
    [InlineData("us-east-1", false, true, "https://cleanrooms-ml.us-east-1.api.aws")]
    [InlineData("us-east-1", true, true, "https://cleanrooms-ml-fips.us-east-1.api.aws")]
    [InlineData("eu-west-2", false, false, "https://cleanrooms-ml.eu-west-2.amazonaws.com")]
    [InlineData("cn-north-1", false, false, "https://cleanrooms-ml.cn-north-1.amazonaws.com.cn")]
    [InlineData("us-gov-west-1", true, false, "https://cleanrooms-ml-fips.us-gov-west-1.amazonaws.com")]
    public void Builds_the_partition_endpoint(string region, bool fips, bool dualStack, string expected) =>
        Assert.Equal(expected, Resolve(region, fips, dualStack).TrimEnd('/'));

    [Fact]
    public void Uses_a_custom_endpoint_as_given() =>
        Assert.Equal("http://127.0.0.1:8080", Resolve("us-east-1", endpoint: "http://127.0.0.1:8080").TrimEnd('/'));

    [Theory]
    [InlineData(true, false, "Invalid Configuration: FIPS and custom endpoint are not supported")]
    [InlineData(false, true, "Invalid Configuration: Dualstack and custom endpoint are not supported")]
    public void Refuses_fips_or_dual_stack_with_a_custom_endpoint(bool fips, bool dualStack, string message)
    {
        var e = Assert.Throws<AmazonClientException>(() => Resolve("us-east-1", fips, dualStack, "https://example.com"));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Refuses_a_missing_region()
    {
        var e = Assert.Throws<AmazonClientException>(() => Resolve(null));
        Assert.Equal("Invalid Configuration: Missing Region", e.Message);
    }

    [Theory]
    [InlineData("eu-central-1", false, false, "https://cleanrooms-ml.eu-central-1.amazonaws.com")]
    [InlineData("us-east-1", true, false, "https://cleanrooms-ml-fips.us-east-1.amazonaws.com")]
    [InlineData("us-east-1", false, true, "https://cleanrooms-ml.us-east-1.api.aws")]
    public void The_client_configuration_resolves_through_the_same_rules(string region, bool fips, bool dualStack, string expected)
    {
        var config = new CleanRoomsMLConfig
        {
            RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region),
            UseFIPSEndpoint = fips,
            UseDualstackEndpoint = dualStack,
        };

        var endpoint = config.DetermineServiceOperationEndpoint(
            new Amazon.Runtime.Endpoints.ServiceOperationEndpointParameters(new OperationRequest<string>("probe", null)));

        Assert.Equal(expected, endpoint.URL.TrimEnd('/'));
        Assert.Equal("cleanrooms-ml", config.AuthenticationServiceName);
        Assert.Equal("CleanRoomsML", config.ServiceId);
    }
}
