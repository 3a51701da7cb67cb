using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace CleanRoomsML.PowerShell.Scheduling;

/// <summary>
/// Work posted from any thread to be run on the pipeline thread, the only one that may write to the
/// pipeline: verbose lines of SDK attempts, the end of a call, a wake-up. Deliberately not disposed: a late
/// post (the continuation of a call whose outcome was already written) may arrive after the command ended,
/// and then simply nobody runs it.
/// </summary>
internal sealed class PipelineMailbox
{
    private static readonly Action WakeUp = () => { };
    private readonly BlockingCollection<Action> _posted = new();

    public void Post(Action work) => _posted.Add(work);

    /// <summary>Posts a wake-up once the task has ended, so that a thread waiting in <see cref="RunNext"/> looks at it.</summary>
    public void WakeWhenEnded(Task task) => task.ContinueWith(_ => _posted.Add(WakeUp), TaskScheduler.Default);

    /// <summary>Runs, on the calling thread, everything posted so far, without waiting.</summary>
    public void RunPosted()
    {
        while (_posted.TryTake(out Action? work)) work();
    }

    /// <summary>
    /// Waits up to <paramref name="wait"/> (<see cref="Timeout.InfiniteTimeSpan"/> for no limit) for something to be
    /// posted, then runs it and everything else posted. False when the wait ended with nothing posted. Throws
    /// OperationCanceledException at once when <paramref name="cancellation"/> is cancelled.
    /// </summary>
    public bool RunNext(TimeSpan wait, CancellationToken cancellation)
    {
        int milliseconds = wait == Timeout.InfiniteTimeSpan ? Timeout.Infinite : (int)Math.Min(int.MaxValue, Math.Max(0, Math.Ceiling(wait.TotalMilliseconds)));
        if (!_posted.TryTake(out Action? work, milliseconds, cancellation)) return false;
        work();
        RunPosted();
        return true;
    }

    /// <summary>Runs posted work until the task has ended; Ctrl+C (the token) ends the wait at once.</summary>
    public void RunUntilEnded(Task task, CancellationToken cancellation)
    {
        WakeWhenEnded(task);
        // Each wake-up is posted after its task ended, so checking before every wait cannot miss the end.
        while (!task.IsCompleted) RunNext(Timeout.InfiniteTimeSpan, cancellation);
        RunPosted();
    }
}
