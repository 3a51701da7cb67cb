using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace CleanRoomsML.PowerShell.Scheduling;

/// <summary>Where a row stands in a <see cref="RowScheduler"/>.</summary>
internal enum RowState
{
    /// <summary>Not sent yet, or sent and refused: waits for capacity or for its retry time.</summary>
    Held,

    Sending,

    /// <summary>Refused by a quota; the place is being looked at to tell whether the quota frees.</summary>
    AwaitingLook,

    /// <summary>Waits for the outcome of an earlier row that does the same thing.</summary>
    Following,

    /// <summary>Its outcome is known and waits for its turn to be written (or has been written).</summary>
    Done,
}

/// <summary>One row in a <see cref="RowScheduler"/>; the handle a command keeps to learn the row's outcome.</summary>
internal sealed class ScheduledRow
{
    internal ScheduledRow(int number, RowRequest? request, Action? writeOutcome = null)
    {
        Number = number;
        Request = request;
        WriteOutcome = writeOutcome;
        State = writeOutcome is null ? RowState.Held : RowState.Done;
    }

    /// <summary>1 for the first row added, and so on: the order outcomes are written in, and held rows are sent in.</summary>
    public int Number { get; }

    public RowState State { get; internal set; }

    /// <summary>True once the row's call succeeded; <see cref="Result"/> is then its result.</summary>
    public bool Succeeded { get; private set; }

    /// <summary>True once the row has failed.</summary>
    public bool Failed => State == RowState.Done && !Succeeded && Request is not null;

    public object? Result { get; private set; }

    internal RowRequest? Request { get; }

    internal Action? WriteOutcome { get; private set; }

    internal Task<object>? Call { get; set; }

    /// <summary>A held row is not sent before this time (a throttled row's backoff).</summary>
    internal TimeSpan NotBefore { get; set; }

    internal int ThrottleRetries { get; set; }

    /// <summary>The last refusal of a row awaiting a look, and its error.</summary>
    internal Exception? LastError { get; set; }

    internal List<(ScheduledRow Row, Func<object, object> FromLeader)> Followers { get; } = new();

    internal void Succeed(object result)
    {
        Succeeded = true;
        Result = result;
        State = RowState.Done;
        WriteOutcome = () => Request!.WriteResult(result);
    }

    internal void Fail(RowFailure failure)
    {
        State = RowState.Done;
        WriteOutcome = () => Request!.WriteFailure(failure);
    }
}
