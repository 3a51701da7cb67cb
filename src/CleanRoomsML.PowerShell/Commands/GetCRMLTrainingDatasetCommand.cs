using System.Management.Automation;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.PowerShell.Output;
using CleanRoomsML.PowerShell.Validation;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// Gets one training dataset by ARN (GetTrainingDataset, every field), or lists the datasets of a region
/// (ListTrainingDatasets), page by page as they arrive, optionally filtered by name wildcards.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CRMLTrainingDataset", DefaultParameterSetName = ListSet)]
[OutputType(typeof(TrainingDataset))]
public sealed class GetCRMLTrainingDatasetCommand : GetResourceCmdlet
{
    [Parameter(Mandatory = true, ParameterSetName = ArnSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Arn")]
    [ValidateServiceConstraint(nameof(ServiceConstraints.TrainingDatasetArn))]
    public string TrainingDatasetArn { get; set; } = null!;

    protected override string? Arn => TrainingDatasetArn;

    protected override string Kind => "training dataset";

    protected override string NameNotFoundErrorId => "TrainingDatasetNameNotFound";

    protected override object GetOne(CleanRoomsMLConnection connection, string arn) =>
        TrainingDatasetMapper.FromGet(Await(observer => connection.GetTrainingDatasetAsync(arn, observer, Cancellation)), connection.Region);

    protected override void WriteList(CleanRoomsMLConnection connection) =>
        WriteMatching(connection, (page, observer) => connection.ListTrainingDatasetsAsync(page, observer, Cancellation),
            item => item.Name, item => TrainingDatasetMapper.FromSummary(item, connection.Region));
}
