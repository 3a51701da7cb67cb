using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace CleanRoomsML.PowerShell.Scheduling;

/// <summary>
/// Runs the calls of a command's input rows: up to <see cref="RowSchedulerOptions.MaxInFlight"/> rows
/// outstanding at once, outcomes written in row order, and (with <see cref="RowSchedulerOptions.WaitForCapacity"/>)
/// rows that a quota or throttling refused held and sent again when capacity frees.
/// </summary>
/// <remarks>
/// Everything here runs on the thread that calls it, the pipeline thread. Calls run on pool threads and post
/// their end to the mailbox; the pipeline thread handles it when it next pumps, so no state is shared between
/// threads. A place becomes "gated" once a quota refused a row there: then a row is sent there only for a slot
/// seen to be free (the quota minus the jobs occupying it, or one per job that left), so a run never has more
/// calls in flight than the quota has room for, and held rows go out in row order.
/// </remarks>
internal sealed class RowScheduler
{
    private readonly RowSchedulerOptions _options;
    private readonly PipelineMailbox _mailbox;
    private readonly IRowSink _sink;
    private readonly CancellationToken _cancellation;
    private readonly Queue<ScheduledRow> _unwritten = new();
    private readonly Dictionary<ICapacityPlace, PlaceState> _places = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _rows;
    private int _succeeded;
    private TimeSpan? _firstHeldAt;
    private bool _timedOut;
    private CapacityProgress? _shownProgress;

    public RowScheduler(RowSchedulerOptions options, PipelineMailbox mailbox, IRowSink sink, CancellationToken cancellation)
    {
        _options = options;
        _mailbox = mailbox;
        _sink = sink;
        _cancellation = cancellation;
    }

    /// <summary>Rows added and not yet written.</summary>
    public int Outstanding => _unwritten.Count;

    private TimeSpan Now => _clock.Elapsed;

    private bool Waits => _options.WaitForCapacity && !_timedOut;

    /// <summary>When waiting ends (-TimeoutSec after the first hold); null while nothing has been held, or without a limit.</summary>
    private TimeSpan? Deadline => !_timedOut && _options.Timeout is { } timeout && _firstHeldAt is { } first ? first + timeout : null;

    /// <summary>Adds a row and sends it (or holds it); returns once fewer than MaxInFlight rows are outstanding.</summary>
    public ScheduledRow Add(RowRequest request)
    {
        var row = Enqueue(new ScheduledRow(++_rows, request));
        _mailbox.RunPosted(); // a refusal that has come in gates its place before this row goes out
        Dispatch(row);
        PumpWhileFull();
        return row;
    }

    /// <summary>Adds a row whose outcome is already known (a row that is not sent), written in its turn.</summary>
    public ScheduledRow AddWritten(Action writeOutcome)
    {
        var row = Enqueue(new ScheduledRow(++_rows, request: null, writeOutcome));
        PumpWhileFull();
        return row;
    }

    /// <summary>
    /// Adds a row that does what an earlier row does: it succeeds with <paramref name="fromLeader"/> of the
    /// leader's result, or, if the leader fails, is sent on its own.
    /// </summary>
    public ScheduledRow AddFollowing(ScheduledRow leader, RowRequest request, Func<object, object> fromLeader)
    {
        var row = Enqueue(new ScheduledRow(++_rows, request));
        if (leader.State != RowState.Done)
        {
            row.State = RowState.Following;
            leader.Followers.Add((row, fromLeader));
        }
        else if (leader.Succeeded)
        {
            row.Succeed(fromLeader(leader.Result!));
        }
        else
        {
            Dispatch(row);
        }
        PumpWhileFull();
        return row;
    }

    /// <summary>Waits for every row, holding and polling as needed, and writes the outcomes still due.</summary>
    public void Finish()
    {
        // A look still running would outlive the connections it reads from. Nothing is held once all is written,
        // so the pump has completed the progress display too.
        Pump(() => _unwritten.Count == 0 && _places.Values.All(p => p.Look is null));
    }

    /// <summary>
    /// For a pipeline that ended early: forgets the rows not written and waits up to <paramref name="timeout"/>
    /// for the calls still running (already cancelled by the caller). False if some did not end in time.
    /// </summary>
    public bool Abandon(TimeSpan timeout)
    {
        var running = _unwritten.Where(r => r.State == RowState.Sending && r.Call is not null).Select(r => (Task)r.Call!)
            .Concat(_places.Values.Where(p => p.Look is not null).Select(p => (Task)p.Look!))
            .ToArray();
        _unwritten.Clear();
        if (running.Length == 0) return true;
        try
        {
            return Task.WaitAll(running, timeout);
        }
        catch (AggregateException)
        {
            return true; // all ended, some failed or cancelled: their outcomes are no longer wanted
        }
    }

    private ScheduledRow Enqueue(ScheduledRow row)
    {
        _unwritten.Enqueue(row);
        return row;
    }

    private void PumpWhileFull() => Pump(() => _unwritten.Count < _options.MaxInFlight);

    private void Pump(Func<bool> done)
    {
        while (true)
        {
            _cancellation.ThrowIfCancellationRequested();
            _mailbox.RunPosted();
            Advance();
            WriteDue();
            ShowProgress();
            if (done()) return;
            _mailbox.RunNext(UntilNextTimer(), _cancellation);
        }
    }

    private void WriteDue()
    {
        while (_unwritten.Count > 0 && _unwritten.Peek().State == RowState.Done)
        {
            // Taken off before it is written: writing can throw (an early end downstream, -ErrorAction Stop).
            _unwritten.Dequeue().WriteOutcome!();
        }
    }

    private PlaceState? PlaceOf(ScheduledRow row)
    {
        ICapacityPlace? place = row.Request!.Place;
        if (place is null) return null;
        if (!_places.TryGetValue(place, out PlaceState? state))
        {
            state = new PlaceState(place);
            _places.Add(place, state);
        }
        return state;
    }

    private void Dispatch(ScheduledRow row)
    {
        PlaceState? place = PlaceOf(row);
        if (place is null || !place.Gated || !Waits)
        {
            Start(row, place);
        }
        else if (place.Held.Count == 0 && place.AwaitingLook.Count == 0 && place.Allowance > 0)
        {
            place.Allowance--;
            Start(row, place);
        }
        else
        {
            Hold(place, row);
            _sink.WriteVerbose($"Row {row.Number} ({row.Request!.Label}): held, waiting for a free slot in {place.Place.Name}.");
        }
    }

    private void Start(ScheduledRow row, PlaceState? place)
    {
        row.State = RowState.Sending;
        if (place is not null) place.Sending++;
        row.Call = Begin(row.Request!.Send, () => OnCallEnded(row, place));
    }

    /// <summary>Starts a call (one that throws at once counts as failed) and posts <paramref name="onEnded"/> for when it ends.</summary>
    private Task<T> Begin<T>(Func<CancellationToken, Task<T>> start, Action onEnded)
    {
        Task<T> task;
        try
        {
            task = start(_cancellation);
        }
        catch (Exception e)
        {
            task = Task.FromException<T>(e);
        }
        task.ContinueWith(_ => _mailbox.Post(onEnded), TaskScheduler.Default);
        return task;
    }

    private void OnCallEnded(ScheduledRow row, PlaceState? place)
    {
        Task<object> call = row.Call!;
        if (place is not null) place.Sending--;
        if (call.Status == TaskStatus.RanToCompletion)
        {
            _succeeded++;
            if (place?.Look is not null) place.SucceededDuringLook++;
            row.Succeed(call.Result);
            ResolveFollowers(row);
            return;
        }

        Exception error = call.Exception?.InnerException ?? new OperationCanceledException(_cancellation);
        Refusal refusal = call.IsCanceled ? Refusal.None : _options.Classify(error);
        if (refusal.Kind == RefusalKind.Quota && place is not null)
        {
            // Whether this quota frees (jobs occupy it) or not (a total quota) is told by looking, never by the message.
            if (refusal.QuotaValue is not null) place.QuotaValue = refusal.QuotaValue;
            if (Waits) place.Gated = true;
            place.Allowance = 0; // what was seen free is taken: only the next look says otherwise
            row.LastError = error;
            row.State = RowState.AwaitingLook;
            place.AwaitingLook.Add(row);
            StartLook(place);
        }
        else if (refusal.Kind == RefusalKind.Throttled && place is not null && Waits)
        {
            TimeSpan pause = Backoff(++row.ThrottleRetries);
            row.NotBefore = Now + pause;
            Hold(place, row);
            _sink.WriteVerbose($"Row {row.Number} ({row.Request!.Label}): still throttled after the SDK's retries; held, sending it again in {Seconds(pause)}.");
        }
        else
        {
            Fail(row, new RowFailure(FailureKind.Failed, error));
        }
    }

    private TimeSpan Backoff(int retry)
    {
        double factor = Math.Pow(2, Math.Min(retry - 1, 20));
        return TimeSpan.FromTicks((long)Math.Min(_options.ThrottleBackoff.Ticks * factor, _options.MaxThrottleBackoff.Ticks));
    }

    private void Fail(ScheduledRow row, RowFailure failure)
    {
        row.Fail(failure);
        ResolveFollowers(row);
    }

    private void ResolveFollowers(ScheduledRow leader)
    {
        var followers = leader.Followers.ToList();
        leader.Followers.Clear();
        if (followers.Count == 0) return;
        if (!leader.Succeeded)
        {
            // The first follower is sent on its own and leads the others: the same thing is still done once.
            ScheduledRow next = followers[0].Row;
            next.Followers.AddRange(followers.Skip(1));
            Dispatch(next);
            return;
        }
        foreach ((ScheduledRow follower, Func<object, object> fromLeader) in followers)
        {
            follower.Succeed(fromLeader(leader.Result!));
            ResolveFollowers(follower);
        }
    }

    private void Hold(PlaceState place, ScheduledRow row)
    {
        place.Hold(row);
        _firstHeldAt ??= Now;
    }

    private void StartLook(PlaceState place)
    {
        if (place.Look is not null) return;
        place.SucceededDuringLook = 0;
        place.Look = Begin(place.Place.ReadBusyAsync, () => OnLookEnded(place));
    }

    private void OnLookEnded(PlaceState place)
    {
        Task<IReadOnlyCollection<string>> look = place.Look!;
        place.Look = null;
        place.NextLookAt = Now + NextLookInterval(place);
        List<ScheduledRow> awaiting = place.AwaitingLook.OrderBy(r => r.Number).ToList();
        place.AwaitingLook.Clear();

        if (look.Status != TaskStatus.RanToCompletion)
        {
            if (look.IsCanceled) return;
            OnLookFailed(place, awaiting, look.Exception!.InnerException ?? look.Exception);
            return;
        }

        place.FailedLooks = 0;
        IReadOnlyCollection<string>? before = place.Busy;
        IReadOnlyCollection<string> busy = look.Result;
        place.Busy = busy;
        // This run's creates that the listing may not show yet count as busy too: a refusal is never taken for
        // "nothing frees" because the listing lags behind.
        int occupied = busy.Count + place.Sending + place.SucceededDuringLook;
        foreach (ScheduledRow row in awaiting) SettleRefusal(place, row, occupied);
        if (occupied == 0 && place.Held.Count == 0) place.Gated = false; // nothing occupies it: not a quota that frees

        if (place.Gated)
        {
            if (place.QuotaValue is { } quota) place.Allowance = Math.Max(0, (int)quota - occupied);
            else if (before is not null) place.Allowance += before.Count(id => !busy.Contains(id));
            if (busy.Count == 0 && place.Sending == 0) place.Allowance = Math.Max(place.Allowance, 1);
        }
        Release(place);
    }

    private TimeSpan NextLookInterval(PlaceState place)
    {
        if (_options.FirstPollInterval is not { } first) return _options.PollInterval;
        TimeSpan next = place.LookInterval == TimeSpan.Zero ? first : TimeSpan.FromTicks(place.LookInterval.Ticks * 2);
        place.LookInterval = next < _options.PollInterval ? next : _options.PollInterval;
        return place.LookInterval;
    }

    /// <summary>How many looks in a row may fail before the rows waiting on them give up.</summary>
    private const int MaxFailedLooks = 3;

    private void OnLookFailed(PlaceState place, List<ScheduledRow> awaiting, Exception error)
    {
        place.FailedLooks++;
        if (Waits && place.FailedLooks < MaxFailedLooks)
        {
            foreach (ScheduledRow row in awaiting) Hold(place, row);
            _sink.WriteVerbose($"Could not read what occupies the quota in {place.Place.Name} ({error.Message}); looking again in {Seconds(place.NextLookAt - Now)}.");
            return;
        }
        // Without a look a refusal cannot be told to be one that frees: the rows end with both errors.
        foreach (ScheduledRow row in awaiting.Concat(place.TakeAllHeld()).OrderBy(r => r.Number).ToList())
        {
            Fail(row, new RowFailure(FailureKind.Failed, row.LastError ?? error, LookError: error));
        }
        place.Gated = false;
    }

    private void SettleRefusal(PlaceState place, ScheduledRow row, int busy)
    {
        // Nothing occupies the quota, or less than the refusal says it allows: another quota refused the row
        // (such as a total number of models), and waiting would not cure it.
        if (busy == 0 || place.QuotaValue is { } allowed && busy < allowed)
        {
            Fail(row, new RowFailure(FailureKind.Failed, row.LastError!));
        }
        else if (Waits)
        {
            Hold(place, row);
            string quota = place.QuotaValue is { } q ? $", the quota allows {q}" : "";
            _sink.WriteVerbose($"Row {row.Number} ({row.Request!.Label}): the slots in {place.Place.Name} are full ({busy} busy{quota}); held until one frees.");
        }
        else if (_timedOut)
        {
            Fail(row, new RowFailure(FailureKind.WaitTimedOut, row.LastError!, place.Facts(Waited())));
        }
        else
        {
            Fail(row, new RowFailure(FailureKind.CapacityFull, row.LastError!, place.Facts()));
        }
    }

    /// <summary>Sends the held rows of a place that may go now, in row order.</summary>
    private void Release(PlaceState place)
    {
        bool released = false;
        while (place.Held.Count > 0)
        {
            ScheduledRow row = place.Held[0];
            if (row.NotBefore > Now) break;
            if (place.Gated && Waits)
            {
                if (place.Allowance <= 0) break;
                place.Allowance--;
            }
            place.Unhold(row);
            released = true;
            _sink.WriteVerbose($"Row {row.Number} ({row.Request!.Label}): sending it to {place.Place.Name}.");
            Start(row, place);
        }
        if (released)
        {
            // A new wait begins for the rows still held: with a first poll interval, it starts with short looks again.
            place.LookInterval = TimeSpan.Zero;
            place.NextLookAt = Now + NextLookInterval(place);
        }
    }

    private void Advance()
    {
        if (Deadline is { } deadline && Now >= deadline) TimeOut();
        foreach (PlaceState place in _places.Values)
        {
            if (place.Held.Count == 0) continue;
            if (place.Gated && place.Look is null && Now >= place.NextLookAt) StartLook(place);
            Release(place);
        }
    }

    private void TimeOut()
    {
        _timedOut = true;
        TimeSpan waited = Waited();
        int ended = 0;
        foreach (PlaceState place in _places.Values.ToList())
        {
            foreach (ScheduledRow row in place.TakeAllHeld())
            {
                ended++;
                Fail(row, new RowFailure(FailureKind.WaitTimedOut, row.LastError ?? new TimeoutException("Not sent before the timeout."), place.Facts(waited)));
            }
            place.Gated = false;
        }
        _sink.WriteVerbose(ended > 0
            ? $"Waited {Seconds(waited)} for capacity, the time allowed: the {ended} rows still held end as errors, and later rows are sent without waiting."
            : $"The time allowed for waiting for capacity ({Seconds(waited)} since the first hold) has passed: later rows are sent without waiting.");
    }

    private TimeSpan Waited() => _firstHeldAt is { } first ? Now - first : TimeSpan.Zero;

    /// <summary>How long the pipeline thread may sleep before a look, a retry or the timeout is due.</summary>
    private TimeSpan UntilNextTimer()
    {
        TimeSpan? next = null;
        void Consider(TimeSpan at) => next = next is null || at < next ? at : next;
        foreach (PlaceState place in _places.Values)
        {
            if (place.Held.Count == 0) continue;
            if (place.Gated && place.Look is null) Consider(place.NextLookAt);
            if (place.Held[0].NotBefore > Now) Consider(place.Held[0].NotBefore);
        }
        if (Deadline is { } deadline && _places.Values.Any(p => p.Held.Count > 0 || p.AwaitingLook.Count > 0)) Consider(deadline);
        if (next is null) return Timeout.InfiniteTimeSpan;
        TimeSpan wait = next.Value - Now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private void ShowProgress()
    {
        if (_places.Values.All(p => p.Held.Count == 0))
        {
            if (_shownProgress is not null) _sink.CompleteProgress();
            _shownProgress = null;
            return;
        }
        var waiting = _places.Values.Where(p => p.Held.Count > 0).ToList();
        PlaceState at = waiting.OrderBy(p => p.Held[0].Number).First();
        ScheduledRow first = at.Held[0];
        var progress = new CapacityProgress(_succeeded, waiting.Sum(p => p.Busy?.Count ?? 0), waiting.Sum(p => p.Held.Count),
            $"row {first.Number} ({first.Request!.Label}) in {at.Place.Name}");
        if (progress == _shownProgress) return;
        _shownProgress = progress;
        _sink.WriteProgress(progress);
    }

    private static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString(span.TotalSeconds < 10 ? "0.#" : "0", System.Globalization.CultureInfo.InvariantCulture) + " s";
}
