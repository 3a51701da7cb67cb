using System.Management.Automation;
using System.Threading.Tasks;
using CleanRoomsML.Client;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Model;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// What the Remove cmdlets share: one delete per input, asking first (ConfirmImpact High) unless
/// -Confirm:$false or -Force, sending nothing under -WhatIf, and -PassThru writing the removed ARN.
/// </summary>
public abstract class RemoveResourceCmdlet : CleanRoomsMLCmdlet
{
    /// <summary>Removes without asking, unless -Confirm is given explicitly. -WhatIf still sends nothing.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the ARN of each removed resource.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The pipeline input itself, so that its error record can name it. Not for direct use.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>The ARN parameter of the derived cmdlet.</summary>
    protected abstract string Arn { get; }

    /// <summary>The resource in words, for the confirmation: "audience model".</summary>
    protected abstract string Kind { get; }

    protected abstract Task<ServiceReceipt> DeleteAsync(CleanRoomsMLConnection connection, string arn, IAttemptObserver? observer);

    protected override void ProcessRecord()
    {
        object target = InputObject ?? (object)Arn;
        ConnectionSettings settings = CurrentSettings();
        if (!ShouldProcessUnlessForced(Force, $"{Kind} {Arn} in {settings.Region ?? "the default region"}", $"Remove {Kind}"))
        {
            return;
        }

        ForInput(target, () =>
        {
            CleanRoomsMLConnection connection = Connect(settings);
            Await(observer => DeleteAsync(connection, Arn, observer));
            WriteVerbose($"Removed {Arn}.");
            if (PassThru) WriteObject(Arn);
        });
    }
}
