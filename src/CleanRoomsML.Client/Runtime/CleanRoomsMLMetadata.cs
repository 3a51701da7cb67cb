using System.Collections.Generic;
using Amazon.Runtime.Internal;

namespace CleanRoomsML.Client.Runtime;

internal sealed class CleanRoomsMLMetadata : IServiceMetadata
{
    public static readonly CleanRoomsMLMetadata Instance = new();

    public string ServiceId => CleanRoomsMLConfig.ServiceIdentifier;

    public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
}
