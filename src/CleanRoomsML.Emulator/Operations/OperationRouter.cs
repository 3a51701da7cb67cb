using System.Text.Json.Nodes;
using CleanRoomsML.Emulator.Protocol;

namespace CleanRoomsML.Emulator.Operations;

/// <summary>One operation: its HTTP binding and its handler. A null result is answered with an empty body.</summary>
public sealed record Route(string Method, string Resource, bool HasLabel, string Operation, Func<ServiceRequest, JsonObject?> Handle);

/// <summary>
/// Chooses the operation from the method and the raw path. A label is exactly one path segment (an ARN sent
/// percent-encoded, so its ':' and '/' are %3A and %2F); it is decoded here.
/// </summary>
public sealed class OperationRouter
{
    private readonly IReadOnlyList<Route> _routes;

    public OperationRouter(OperationContext context)
    {
        var models = new AudienceModelOperations(context);
        var datasets = new TrainingDatasetOperations(context);
        var tags = new TagOperations(context);
        _routes = new Route[]
        {
            new("POST", "audience-model", false, "CreateAudienceModel", models.Create),
            new("GET", "audience-model", false, "ListAudienceModels", models.List),
            new("GET", "audience-model", true, "GetAudienceModel", models.Get),
            new("DELETE", "audience-model", true, "DeleteAudienceModel", models.Delete),
            new("POST", "training-dataset", false, "CreateTrainingDataset", datasets.Create),
            new("GET", "training-dataset", false, "ListTrainingDatasets", datasets.List),
            new("GET", "training-dataset", true, "GetTrainingDataset", datasets.Get),
            new("DELETE", "training-dataset", true, "DeleteTrainingDataset", datasets.Delete),
            new("POST", "tags", true, "TagResource", tags.Tag),
            new("DELETE", "tags", true, "UntagResource", tags.Untag),
            new("GET", "tags", true, "ListTagsForResource", tags.List),
        };
    }

    /// <summary>The matching route and its decoded label, or null for a request no operation answers.</summary>
    public (Route Route, string? Label)? Match(string method, string rawPath)
    {
        string[] segments = rawPath.Split('/');
        if (segments.Length < 2 || segments.Length > 3 || segments[0].Length != 0) return null;
        bool hasLabel = segments.Length == 3;
        foreach (var route in _routes)
        {
            if (route.Method == method && route.Resource == segments[1] && route.HasLabel == hasLabel)
            {
                return (route, hasLabel ? Signing.AwsUriEncoding.Decode(segments[2]) : null);
            }
        }
        return null;
    }
}
