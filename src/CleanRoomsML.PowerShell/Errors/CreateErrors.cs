using System;
using System.Globalization;
using System.Management.Automation;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.PowerShell.Scheduling;

namespace CleanRoomsML.PowerShell.Errors;

/// <summary>
/// The error records of a row that New-CRMLAudienceModel could not create: its own failure, full training
/// slots, a wait for capacity that ran out, a name taken on another dataset. Each says what to do next.
/// </summary>
internal static class CreateErrors
{
    private const string Remedy = "Add -WaitForCapacity to wait for a free slot, or re-run the same input later with -SkipExisting to create only the missing models.";
    private const string RerunRemedy = "Re-run the same input with -SkipExisting -WaitForCapacity to create only the missing models.";

    /// <summary>The record for a row's failure; a cancelled call stops the pipeline instead.</summary>
    public static ErrorRecord For(RowFailure failure, object target, int? timeoutSec) => failure.Kind switch
    {
        FailureKind.CapacityFull => SlotsFull(failure, target),
        FailureKind.WaitTimedOut => WaitTimedOut(failure, target, timeoutSec),
        _ when failure.LookError is not null => Unexplained(failure, target),
        _ => failure.Error switch
        {
            CleanRoomsMLRequestException e => ErrorRecords.FromService(e, target),
            CleanRoomsMLConfigurationException e => ErrorRecords.FromConfiguration(e, target),
            OperationCanceledException => throw new PipelineStoppedException(),
            var other => throw new InvalidOperationException($"Unexpected failure of a create: {other.Message}", other),
        },
    };

    public static ErrorRecord NameTaken(string name, string region, string existingDatasetArn, string? existingModelArn, string rowDatasetArn, object target)
    {
        string existing = existingModelArn is null ? "a model this run is creating" : existingModelArn;
        string message = $"Not created: the name '{name}' is taken in {region} by {existing}, trained on {existingDatasetArn}; this row names {rowDatasetArn}. Rename the row, or remove the existing model first.";
        return new ErrorRecord(new InvalidOperationException(message), "AudienceModelNameInUse", ErrorCategory.ResourceExists, target)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Rename the row, or remove the existing model first." },
        };
    }

    // A quota refused the row, and the region's models could not be read to tell whether its training slots were full.
    private static ErrorRecord Unexplained(RowFailure failure, object target)
    {
        ErrorRecord record = For(failure with { LookError = null }, target, timeoutSec: null);
        string look = failure.LookError is CleanRoomsMLRequestException e ? e.Describe() : failure.LookError!.Message;
        const string Action = "Allow cleanrooms-ml:ListAudienceModels for these credentials, or re-run later with -SkipExisting.";
        record.ErrorDetails = new ErrorDetails($"{record.ErrorDetails?.Message ?? failure.Error.Message} Whether the region's training slots were full could not be read: {look}. {Action}")
        {
            RecommendedAction = Action,
        };
        return record;
    }

    private static ErrorRecord SlotsFull(RowFailure failure, object target)
    {
        CapacityFacts facts = failure.Capacity!;
        string message = $"Not created: the training slots in {facts.Place} are full ({Allows(facts)}). {Remedy} {Cause(failure.Error)}";
        var exception = failure.Error as CleanRoomsMLRequestException;
        return new ErrorRecord(failure.Error, exception?.ErrorCode ?? "ServiceQuotaExceededException", ErrorCategory.QuotaExceeded, target)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = Remedy },
        };
    }

    private static ErrorRecord WaitTimedOut(RowFailure failure, object target, int? timeoutSec)
    {
        CapacityFacts facts = failure.Capacity!;
        string limit = timeoutSec is null ? "" : $" (-TimeoutSec {timeoutSec})";
        string message = $"Not created: no training slot freed in {facts.Place} within the time to wait{limit}; waited {Seconds(facts.Waited)}, {Allows(facts)}. {RerunRemedy}";
        return new ErrorRecord(new TimeoutException(message, failure.Error), "CapacityWaitTimeout", ErrorCategory.OperationTimeout, target)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = RerunRemedy },
        };
    }

    private static string Allows(CapacityFacts facts) => facts.QuotaValue is { } quota
        ? $"the quota allows {quota.ToString(CultureInfo.InvariantCulture)} audience models in training at once, and {facts.Busy} are training"
        : $"{facts.Busy} audience models are training, and the quota allows no more";

    private static string Cause(Exception error) => error is CleanRoomsMLRequestException e ? $"[{e.Describe()}]" : "";

    private static string Seconds(TimeSpan? span) => ((int)(span ?? TimeSpan.Zero).TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s";
}
