using System;
using System.Management.Automation;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// Whether a command's rows may be in flight together. They may not when an error stops the pipeline
/// (-ErrorAction Stop or Inquire: the rows after a failed one must not have been sent) or each row is
/// confirmed (-Confirm): then each row is answered before the next is read.
/// </summary>
internal static class OverlapRules
{
    public static bool RowsMayOverlap(PSCmdlet cmdlet) => !ErrorsStopThePipeline(cmdlet) && !ConfirmsEachInput(cmdlet);

    private static bool ErrorsStopThePipeline(PSCmdlet cmdlet)
    {
        object? setting = cmdlet.MyInvocation.BoundParameters.TryGetValue("ErrorAction", out object? bound) ? bound : cmdlet.GetVariableValue("ErrorActionPreference");
        return !(LanguagePrimitives.TryConvertTo(setting, out ActionPreference preference)
            && preference is ActionPreference.Continue or ActionPreference.SilentlyContinue or ActionPreference.Ignore);
    }

    private static bool ConfirmsEachInput(PSCmdlet cmdlet)
    {
        if (cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out object? flag)) return ((SwitchParameter)flag).IsPresent;
        var declared = (CmdletAttribute?)Attribute.GetCustomAttribute(cmdlet.GetType(), typeof(CmdletAttribute));
        if (declared is null || !declared.SupportsShouldProcess) return false;
        return LanguagePrimitives.TryConvertTo(cmdlet.GetVariableValue("ConfirmPreference"), out ConfirmImpact threshold)
            && threshold != ConfirmImpact.None && declared.ConfirmImpact >= threshold;
    }
}
