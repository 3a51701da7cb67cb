using Amazon.Runtime.Endpoints;

namespace CleanRoomsML.Client.Runtime;

/// <summary>The inputs of the service's endpoint rule set: Region, UseFIPS, UseDualStack, Endpoint.</summary>
public sealed class CleanRoomsMLEndpointParameters : EndpointParameters
{
    public CleanRoomsMLEndpointParameters()
    {
        UseFIPS = false;
        UseDualStack = false;
    }

    public string? Region { get => (string?)this[nameof(Region)]; set => this[nameof(Region)] = value; }

    public bool UseFIPS { get => (bool)this[nameof(UseFIPS)]; set => this[nameof(UseFIPS)] = value; }

    public bool UseDualStack { get => (bool)this[nameof(UseDualStack)]; set => this[nameof(UseDualStack)] = value; }

    public string? Endpoint { get => (string?)this[nameof(Endpoint)]; set => this[nameof(Endpoint)] = value; }
}
