using System.Management.Automation;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.PowerShell.Output;
using CleanRoomsML.PowerShell.Validation;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// Gets one audience model by ARN (GetAudienceModel, every field), or lists the models of a region
/// (ListAudienceModels), page by page as they arrive, optionally filtered by name wildcards.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CRMLAudienceModel", DefaultParameterSetName = ListSet)]
[Alias("Get-CRMLAudienceModelList")]
[OutputType(typeof(AudienceModel))]
public sealed class GetCRMLAudienceModelCommand : GetResourceCmdlet
{
    [Parameter(Mandatory = true, ParameterSetName = ArnSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Arn")]
    [ValidateServiceConstraint(nameof(ServiceConstraints.AudienceModelArn))]
    public string AudienceModelArn { get; set; } = null!;

    protected override string? Arn => AudienceModelArn;

    protected override string Kind => "audience model";

    protected override string NameNotFoundErrorId => "AudienceModelNameNotFound";

    protected override object GetOne(CleanRoomsMLConnection connection, string arn) =>
        AudienceModelMapper.FromGet(Await(observer => connection.GetAudienceModelAsync(arn, observer, Cancellation)), connection.Region);

    protected override void WriteList(CleanRoomsMLConnection connection) =>
        WriteMatching(connection, (page, observer) => connection.ListAudienceModelsAsync(page, observer, Cancellation),
            item => item.Name, item => AudienceModelMapper.FromSummary(item, connection.Region));
}
