using System.Text.Json.Nodes;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.Emulator.Protocol;
using CleanRoomsML.Emulator.State;

namespace CleanRoomsML.Emulator.Operations;

/// <summary>CreateAudienceModel, GetAudienceModel, ListAudienceModels, DeleteAudienceModel.</summary>
public sealed class AudienceModelOperations
{
    private const string ListName = "audience-models";
    private readonly OperationContext _context;

    public AudienceModelOperations(OperationContext context) => _context = context;

    public JsonObject Create(ServiceRequest request)
    {
        var errors = new ValidationErrors();
        var body = JsonFields.ParseBody(request.Body, errors);
        string? name = body.String("name", required: true, ServiceConstraints.Name);
        string? datasetArn = body.String("trainingDatasetArn", required: true, ServiceConstraints.TrainingDatasetArn);
        DateTime? start = body.Timestamp("trainingDataStartTime", required: false);
        DateTime? end = body.Timestamp("trainingDataEndTime", required: false);
        string? kmsKeyArn = body.String("kmsKeyArn", required: false, ServiceConstraints.KmsKeyArn);
        var tags = body.Tags("tags", required: false);
        string? description = body.String("description", required: false, ServiceConstraints.Description);
        errors.ThrowIfAny();

        var settings = _context.Faults.Settings;
        string marker = _context.Options.FailMarker;
        DateTime now = OperationContext.Truncate(request.UtcNow);
        var quotas = new AudienceModelQuotas(settings.MaxAudienceModels, settings.MaxPendingAudienceModels);
        var model = _context.Store.AddAudienceModel(datasetArn!, quotas, request.UtcNow, dataset => new AudienceModel(
            Arns.AudienceModel(request.Region, request.AccountId, Arns.NewId()),
            name!, request.Region, dataset.Arn, dataset.Name, start, end, kmsKeyArn, description, now,
            TimeSpan.FromSeconds(settings.TrainingSeconds),
            WillFail: marker.Length > 0 && dataset.Name.Contains(marker, StringComparison.Ordinal)),
            tags ?? Array.Empty<KeyValuePair<string, string>>());
        return new JsonObject { ["audienceModelArn"] = model.Arn };
    }

    public JsonObject Get(ServiceRequest request)
    {
        string arn = Labels.Require(request, ServiceConstraints.AudienceModelArn);
        var model = _context.Store.GetAudienceModel(arn);
        var tags = _context.Store.GetTags(arn);
        return ResourceJson.AudienceModel(model, AudienceModelLifecycle.At(model, request.UtcNow), tags);
    }

    public JsonObject List(ServiceRequest request)
    {
        var page = PageRequest.From(request, ListName);
        var (models, more) = _context.Store.ListAudienceModels(request.Region, page.AfterSequence, page.PageSize);
        var json = new JsonObject
        {
            ["audienceModels"] = new JsonArray(models
                .Select(m => (JsonNode?)ResourceJson.AudienceModelSummary(m, AudienceModelLifecycle.At(m, request.UtcNow)))
                .ToArray()),
        };
        if (more) json["nextToken"] = new PageToken(ListName, request.Region, models[^1].Sequence).Encode();
        return json;
    }

    public JsonObject? Delete(ServiceRequest request)
    {
        string arn = Labels.Require(request, ServiceConstraints.AudienceModelArn);
        _context.Store.DeleteAudienceModel(arn);
        return null;
    }
}
