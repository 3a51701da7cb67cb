using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using CleanRoomsML.Client.Model;

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

    /// <summary>Sets the method and a path with one ARN label, the shape of every Get/Delete/tag operation.</summary>
    protected static void SetPath(IRequest request, string method, string path, string label, string value)
    {
        request.HttpMethod = method;
        request.ResourcePath = path;
        SetPathLabel(request, label, value);
    }

    protected static void SetPageQuery(IRequest request, PageRequest page)
    {
        if (page.MaxResults is { } size) request.Parameters["maxResults"] = size.ToString(CultureInfo.InvariantCulture);
        if (page.NextToken is not null) request.Parameters["nextToken"] = page.NextToken;
        request.UseQueryString = true;
    }

    protected static void WriteTags(Utf8JsonWriter json, IReadOnlyDictionary<string, string> tags)
    {
        json.WriteStartObject("tags");
        foreach (var tag in tags) json.WriteString(tag.Key, tag.Value);
        json.WriteEndObject();
    }

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
