using System;

namespace CleanRoomsML.PowerShell.Scheduling;

/// <summary>How a <see cref="RowScheduler"/> runs rows.</summary>
internal sealed class RowSchedulerOptions
{
    /// <summary>How many rows may be outstanding (sent, held or not yet written) at once; 1 answers each row before the next is read.</summary>
    public int MaxInFlight { get; init; } = 1;

    /// <summary>Hold rows refused for capacity or throttling, and send them again, instead of failing them.</summary>
    public bool WaitForCapacity { get; init; }

    /// <summary>How often a place with held rows is looked at (at the most, with <see cref="FirstPollInterval"/>).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// When set, the looks at a place start this soon after a hold or a release and double up to
    /// <see cref="PollInterval"/>: short jobs are seen to end soon, long ones cost a few looks more.
    /// </summary>
    public TimeSpan? FirstPollInterval { get; init; }

    /// <summary>How long rows may wait, counted from the first hold; null for no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The first pause before a throttled row is sent again; it doubles with each retry of the row.</summary>
    public TimeSpan ThrottleBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxThrottleBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Tells what a failed call's error means.</summary>
    public Func<Exception, Refusal> Classify { get; init; } = _ => Refusal.None;
}
