using System;
using System.IO;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace CleanRoomsML.Client.Runtime;

/// <summary>Turns one operation's input into an HTTP request: method, path with its labels, query and JSON body.</summary>
internal abstract class JsonRequestMarshaller<TInput> : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var request = new DefaultRequest(input, CleanRoomsMLConfig.ServiceIdentifier);
        Build(request, ((OperationRequest<TInput>)input).Input);
        return request;
    }

    protected abstract void Build(IRequest request, TInput input);

    /// <summary>
    /// Sets a path label. The SDK percent-encodes it (':' and '/' included), which ARN labels need.
    /// </summary>
    protected static void SetPathLabel(IRequest request, string label, string value) =>
        request.AddPathResource("{" + label + "}", value);

    protected static void WriteJsonBody(IRequest request, Action<Utf8JsonWriter> writeMembers)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }
        request.Headers["Content-Type"] = "application/json";
        request.Content = buffer.ToArray();
    }
}
