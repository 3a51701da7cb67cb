using System.Management.Automation;
using System.Threading.Tasks;
using CleanRoomsML.Client;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.Client.Model;
using CleanRoomsML.PowerShell.Validation;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// Deletes training datasets (DeleteTrainingDataset), one per input. The service refuses while an audience
/// model still uses the dataset: a ConflictException, written as a non-terminating ResourceExists error.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "CRMLTrainingDataset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(string))]
public sealed class RemoveCRMLTrainingDatasetCommand : RemoveResourceCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Arn")]
    [ValidateServiceConstraint(nameof(ServiceConstraints.TrainingDatasetArn))]
    public string TrainingDatasetArn { get; set; } = null!;

    protected override string Arn => TrainingDatasetArn;

    protected override string Kind => "training dataset";

    protected override Task<ServiceReceipt> DeleteAsync(CleanRoomsMLConnection connection, string arn, IAttemptObserver? observer) =>
        connection.DeleteTrainingDatasetAsync(arn, observer, Cancellation);
}
