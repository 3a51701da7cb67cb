using System.Management.Automation;
using System.Threading.Tasks;
using CleanRoomsML.Client;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.Client.Model;
using CleanRoomsML.PowerShell.Validation;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// Deletes audience models (DeleteAudienceModel), one per input: an ARN string or any object with an
/// AudienceModelArn property.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "CRMLAudienceModel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(string))]
public sealed class RemoveCRMLAudienceModelCommand : RemoveResourceCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Arn")]
    [ValidateServiceConstraint(nameof(ServiceConstraints.AudienceModelArn))]
    public string AudienceModelArn { get; set; } = null!;

    protected override string Arn => AudienceModelArn;

    protected override string Kind => "audience model";

    protected override Task<ServiceReceipt> DeleteAsync(CleanRoomsMLConnection connection, string arn, IAttemptObserver? observer) =>
        connection.DeleteAudienceModelAsync(arn, observer, Cancellation);
}
