using System.Text.Json.Nodes;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.Emulator.Protocol;

namespace CleanRoomsML.Emulator.Operations;

/// <summary>TagResource, UntagResource, ListTagsForResource on audience models and training datasets.</summary>
public sealed class TagOperations
{
    private readonly OperationContext _context;

    public TagOperations(OperationContext context) => _context = context;

    public JsonObject Tag(ServiceRequest request)
    {
        string arn = Labels.Require(request, ServiceConstraints.TaggableArn);
        var errors = new ValidationErrors();
        var body = JsonFields.ParseBody(request.Body, errors);
        var tags = body.Tags("tags", required: true);
        errors.ThrowIfAny();
        _context.Store.Tag(arn, tags!);
        return new JsonObject();
    }

    public JsonObject Untag(ServiceRequest request)
    {
        string arn = Labels.Require(request, ServiceConstraints.TaggableArn);
        var errors = new ValidationErrors();
        var keys = request.QueryValues("tagKeys");
        bool present = request.Query.Any(p => p.Key == "tagKeys");
        if (!present) errors.Missing("tagKeys");
        if (keys.Count > 200) errors.AddWithoutValue("tagKeys", "Member must have length less than or equal to 200");
        for (int i = 0; i < keys.Count; i++) TagRules.CheckKey(keys[i], $"tagKeys.{i + 1}.member", errors);
        errors.ThrowIfAny();
        _context.Store.Untag(arn, keys);
        return new JsonObject();
    }

    public JsonObject List(ServiceRequest request)
    {
        string arn = Labels.Require(request, ServiceConstraints.TaggableArn);
        return new JsonObject { ["tags"] = ResourceJson.Tags(_context.Store.GetTags(arn)) };
    }
}
