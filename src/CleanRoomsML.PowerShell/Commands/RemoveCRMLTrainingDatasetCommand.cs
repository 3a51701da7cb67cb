using System.Management.Automation;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.PowerShell.Validation;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// Deletes training datasets (DeleteTrainingDataset), one per input. The service refuses while an audience
/// model still uses the dataset: a ConflictException, written as a non-terminating ResourceExists error.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "CRMLTrainingDataset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(string))]
public sealed class RemoveCRMLTrainingDatasetCommand : CleanRoomsMLCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Arn")]
    [ValidateServiceConstraint(nameof(ServiceConstraints.TrainingDatasetArn))]
    public string TrainingDatasetArn { get; set; } = null!;

    /// <summary>Deletes without asking, unless -Confirm is given explicitly. -WhatIf still sends nothing.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the ARN of each deleted dataset.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The pipeline object itself, so that its error record can name it. Not for direct use.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    protected override void ProcessRecord()
    {
        object target = InputObject ?? (object)TrainingDatasetArn;
        if (!ShouldProcessUnlessForced(Force, TrainingDatasetArn, "Remove training dataset")) return;

        try
        {
            CleanRoomsMLConnection connection = Connect(CurrentSettings());
            Await(observer => connection.DeleteTrainingDatasetAsync(TrainingDatasetArn, observer, Cancellation));
            if (PassThru) WriteObject(TrainingDatasetArn);
        }
        catch (CleanRoomsMLConfigurationException e)
        {
            WriteConfigurationError(e, target);
        }
        catch (CleanRoomsMLRequestException e)
        {
            WriteServiceError(e, target);
        }
    }
}
