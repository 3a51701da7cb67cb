using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Amazon.Runtime.Internal;

namespace CleanRoomsML.Client.Runtime.Operations;

/// <summary>The tag input of TagResource and UntagResource: a resource and its tags or tag keys.</summary>
internal sealed class TagChange
{
    public TagChange(string resourceArn, IReadOnlyDictionary<string, string>? tags, IReadOnlyList<string>? keys)
    {
        ResourceArn = resourceArn;
        Tags = tags;
        Keys = keys;
    }

    public string ResourceArn { get; }

    public IReadOnlyDictionary<string, string>? Tags { get; }

    public IReadOnlyList<string>? Keys { get; }
}

/// <summary>TagResource (POST), UntagResource (DELETE, repeated tagKeys) and ListTagsForResource (GET) on /tags/{resourceArn}.</summary>
internal static class Tags
{
    public static readonly TagMarshaller TagResource = new();
    public static readonly UntagMarshaller UntagResource = new();
    public static readonly ListMarshaller ListTagsForResource = new();
    public static readonly ListReader ListTagsReader = new();

    internal sealed class TagMarshaller : JsonRequestMarshaller<TagChange>
    {
        protected override void Build(IRequest request, TagChange change)
        {
            SetPath(request, "POST", "/tags/{resourceArn}", "resourceArn", change.ResourceArn);
            WriteJsonBody(request, json => WriteTags(json, change.Tags!));
        }
    }

    internal sealed class UntagMarshaller : JsonRequestMarshaller<TagChange>
    {
        protected override void Build(IRequest request, TagChange change)
        {
            SetPath(request, "DELETE", "/tags/{resourceArn}", "resourceArn", change.ResourceArn);
            request.ParameterCollection.Add("tagKeys", change.Keys!.ToList());
            request.UseQueryString = true;
        }
    }

    internal sealed class ListMarshaller : JsonRequestMarshaller<string>
    {
        protected override void Build(IRequest request, string resourceArn) =>
            SetPath(request, "GET", "/tags/{resourceArn}", "resourceArn", resourceArn);
    }

    internal sealed class ListReader : JsonResponseReader<IReadOnlyDictionary<string, string>>
    {
        protected override IReadOnlyDictionary<string, string> Read(JsonElement root, string? requestId) =>
            JsonRead.StringMap(root, "tags") ?? new Dictionary<string, string>();
    }
}
