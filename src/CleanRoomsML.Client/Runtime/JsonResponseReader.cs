using System;
using System.IO;
using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using CleanRoomsML.Client.Runtime.Errors;

namespace CleanRoomsML.Client.Runtime;

/// <summary>
/// Reads one operation's JSON response into its output type, and any error response into the typed
/// exception of its error shape.
/// </summary>
internal abstract class JsonResponseReader<TOutput> : JsonResponseUnmarshaller
{
    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
    {
        byte[] body = ReadBody(context);
        JsonElement root = default;
        if (body.Length > 0)
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        string? requestId = context.ResponseData.IsHeaderPresent("x-amzn-RequestId")
            ? context.ResponseData.GetHeaderValue("x-amzn-RequestId")
            : null;
        return new OperationResponse<TOutput> { Output = Read(root, requestId) };
    }

    public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode) =>
        ServiceErrorReader.Read(context.ResponseData, ReadBody(context), innerException, statusCode);

    private static byte[] ReadBody(JsonUnmarshallerContext context)
    {
        using var buffer = new MemoryStream();
        context.Stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Reads the output; <paramref name="root"/> is default (Undefined) when the body was empty.</summary>
    protected abstract TOutput Read(JsonElement root, string? requestId);
}
