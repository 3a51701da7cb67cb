using System;
using System.Threading;
using System.Threading.Tasks;

namespace CleanRoomsML.PowerShell.Scheduling;

/// <summary>One input row's call, and how to write its outcome once the row's turn comes.</summary>
internal sealed class RowRequest
{
    public RowRequest(string label, ICapacityPlace? place, Func<CancellationToken, Task<object>> send,
        Action<object> writeResult, Action<RowFailure> writeFailure)
    {
        Label = label;
        Place = place;
        Send = send;
        WriteResult = writeResult;
        WriteFailure = writeFailure;
    }

    /// <summary>The row in words, such as "audience model 'churn'", for verbose lines and progress.</summary>
    public string Label { get; }

    /// <summary>Where the call competes for a quota; null when it needs no capacity.</summary>
    public ICapacityPlace? Place { get; }

    /// <summary>Starts the call. It may be started again after a refusal for capacity or throttling, never after success.</summary>
    public Func<CancellationToken, Task<object>> Send { get; }

    public Action<object> WriteResult { get; }

    public Action<RowFailure> WriteFailure { get; }
}

/// <summary>Why a row failed.</summary>
internal enum FailureKind
{
    /// <summary>The call failed for a reason of its own; <see cref="RowFailure.Error"/> says which.</summary>
    Failed,

    /// <summary>The quota was full (jobs were occupying it) and the run does not wait for capacity.</summary>
    CapacityFull,

    /// <summary>The run waited for capacity, and its time for waiting ran out.</summary>
    WaitTimedOut,
}

/// <summary>
/// A row's failure: the last error of its call, what was known of the capacity then, and, when the place could
/// not be looked at to tell what the refusal meant, why.
/// </summary>
internal sealed record RowFailure(FailureKind Kind, Exception Error, CapacityFacts? Capacity = null, Exception? LookError = null);

/// <summary>A quota as last seen in one place.</summary>
/// <param name="Place">The place in words.</param>
/// <param name="QuotaValue">What the refusal said the quota is, when it said.</param>
/// <param name="Busy">Jobs occupying it at the last look.</param>
/// <param name="Waited">How long the run had waited for capacity, when it did.</param>
internal sealed record CapacityFacts(string Place, double? QuotaValue, int Busy, TimeSpan? Waited = null);

/// <summary>What a failed call's error means to the scheduler; the command tells, the scheduler knows no error types.</summary>
internal enum RefusalKind
{
    /// <summary>Nothing the scheduler can act on: the row fails.</summary>
    None,

    /// <summary>A quota refused it (HTTP 402). Whether it is a quota that frees is found by looking at the place.</summary>
    Quota,

    /// <summary>Throttled, after the SDK's own retries.</summary>
    Throttled,
}

internal readonly record struct Refusal(RefusalKind Kind, double? QuotaValue = null)
{
    public static Refusal None => new(RefusalKind.None);
}
