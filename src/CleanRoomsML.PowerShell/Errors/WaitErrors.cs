using System;
using System.Management.Automation;
using CleanRoomsML.Client.Model;
using CleanRoomsML.PowerShell.Commands;

namespace CleanRoomsML.PowerShell.Errors;

/// <summary>The error records of Wait-CRMLAudienceModel: a model that failed, and one that did not finish in time.</summary>
internal static class WaitErrors
{
    public static ErrorRecord Failed(WaitingModel model, AudienceModelDetails details)
    {
        string reason = (details.StatusCode, details.StatusMessage) switch
        {
            (null or "", null or "") => "the service gave no details",
            (null or "", { } text) => text,
            ({ } code, null or "") => code,
            ({ } code, { } text) => $"{code}: {text}",
        };
        string errorId = details.Status == "DELETE_FAILED" ? "AudienceModelDeleteFailed" : "AudienceModelCreateFailed";
        string message = $"The audience model '{details.Name}' ended {details.Status} ({reason}). ARN: {details.AudienceModelArn}";
        return new ErrorRecord(new InvalidOperationException(message), errorId, ErrorCategory.InvalidResult, model.Target)
        {
            ErrorDetails = new ErrorDetails(message),
        };
    }

    public static ErrorRecord Timeout(WaitingModel model, int timeoutSec)
    {
        string message = $"The audience model '{model.DisplayName}' was still {model.Status ?? "unfinished"} after {timeoutSec} s. ARN: {model.Arn}";
        return new ErrorRecord(new TimeoutException(message), "WaitTimeout", ErrorCategory.OperationTimeout, model.Target)
        {
            ErrorDetails = new ErrorDetails(message),
        };
    }
}
