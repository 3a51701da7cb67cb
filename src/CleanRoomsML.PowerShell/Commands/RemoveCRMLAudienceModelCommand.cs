using System.Management.Automation;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.PowerShell.Validation;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// Deletes audience models (DeleteAudienceModel), one per input: an ARN string or any object with an
/// AudienceModelArn property. Asks first (ConfirmImpact High) unless -Confirm:$false or -Force.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "CRMLAudienceModel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(string))]
public sealed class RemoveCRMLAudienceModelCommand : CleanRoomsMLCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Arn")]
    [ValidateServiceConstraint(nameof(ServiceConstraints.AudienceModelArn))]
    public string AudienceModelArn { get; set; } = null!;

    /// <summary>Removes without asking, unless -Confirm is given explicitly (or -WhatIf).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the ARN of each removed model.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The pipeline input itself, so that its error record can name it. Not for direct use.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    protected override void ProcessRecord()
    {
        object target = InputObject ?? (object)AudienceModelArn;
        ConnectionSettings settings = CurrentSettings();
        if (!ShouldProcessUnlessForced(Force, $"audience model {AudienceModelArn} in {settings.Region ?? "the default region"}", "Remove audience model"))
        {
            return;
        }

        try
        {
            CleanRoomsMLConnection connection = Connect(settings);
            Await(observer => connection.DeleteAudienceModelAsync(AudienceModelArn, observer, Cancellation));
            WriteVerbose($"Removed {AudienceModelArn}.");
            if (PassThru) WriteObject(AudienceModelArn);
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
