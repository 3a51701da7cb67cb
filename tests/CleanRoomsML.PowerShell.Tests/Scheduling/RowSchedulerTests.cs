using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CleanRoomsML.PowerShell.Scheduling;

namespace CleanRoomsML.PowerShell.Tests.Scheduling;

/// <summary>The row scheduler without a PowerShell host: order, capacity, holding, timeout, cancellation, early end.</summary>
public sealed class RowSchedulerTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    private readonly PipelineMailbox _mailbox = new();
    private readonly RecordingSink _sink = new();

    private RowScheduler Scheduler(int maxInFlight = 4, bool wait = false, TimeSpan? timeout = null, CancellationToken cancellation = default) =>
        new(new RowSchedulerOptions
        {
            MaxInFlight = maxInFlight,
            WaitForCapacity = wait,
            PollInterval = Poll,
            Timeout = timeout,
            ThrottleBackoff = TimeSpan.FromMilliseconds(10),
            MaxThrottleBackoff = TimeSpan.FromMilliseconds(40),
            Classify = FakeTrainingService.Classify,
        }, _mailbox, _sink, cancellation);

    private void AddRows(RowScheduler scheduler, FakeTrainingService service, int count)
    {
        for (int row = 1; row <= count; row++) scheduler.Add(_sink.Row(row, service, service.Create(row)));
    }

    /// <summary>
    /// The rows the quota refused went out again in row order: their last sends (the ones that created them)
    /// reached the service in ascending row order. Rows created by their first send are left out: those sent
    /// before the first refusal was known can go ahead of it, as nothing said yet that the slots were full.
    /// </summary>
    private static void AssertHeldRowsWentOutInRowOrder(FakeTrainingService service)
    {
        var refused = service.Created.Where(row => service.Sent.Count(r => r == row) > 1)
            .OrderBy(row => service.Sent.LastIndexOf(row)).ToList();
        Assert.NotEmpty(refused);
        Assert.Equal(refused.OrderBy(row => row), refused);
    }

    [Fact]
    public void Outcomes_come_out_in_row_order_when_later_calls_end_first()
    {
        var scheduler = Scheduler(maxInFlight: 5); // the fifth row would wait for the first answer
        var gates = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource<object>()).ToArray();
        for (int i = 0; i < 4; i++)
        {
            int row = i + 1;
            scheduler.Add(_sink.Row(row, null, _ => gates[row - 1].Task));
        }
        Assert.Empty(_sink.Outcomes); // four in flight, none answered
        for (int i = 3; i >= 0; i--) gates[i].SetResult($"r{i + 1}");
        scheduler.Finish();
        Assert.Equal(new[] { "1:r1", "2:r2", "3:r3", "4:r4" }, _sink.Outcomes);
    }

    [Fact]
    public void With_one_in_flight_each_row_is_answered_before_the_next_is_added()
    {
        var scheduler = Scheduler(maxInFlight: 1);
        var service = new FakeTrainingService(quota: null, TimeSpan.Zero);
        for (int row = 1; row <= 3; row++)
        {
            scheduler.Add(_sink.Row(row, service, service.Create(row)));
            Assert.Equal(row, _sink.Outcomes.Count);
        }
        Assert.Equal(1, service.MaxSendingAtOnce);
    }

    [Fact]
    public void Without_waiting_rows_refused_while_slots_are_busy_fail_as_capacity_full_with_the_quota()
    {
        var service = new FakeTrainingService(quota: 2, TimeSpan.FromSeconds(30));
        var scheduler = Scheduler(maxInFlight: 1);
        AddRows(scheduler, service, 4);
        scheduler.Finish();

        Assert.Equal(new[] { "1:model-1", "2:model-2", "3:CapacityFull", "4:CapacityFull" }, _sink.Outcomes);
        CapacityFacts facts = _sink.Failures[0].Capacity!;
        Assert.Equal(2, facts.QuotaValue);
        Assert.Equal(2, facts.Busy);
        Assert.Equal("test-region", facts.Place);
        Assert.IsType<FakeQuotaException>(_sink.Failures[0].Error);
    }

    [Fact]
    public void A_quota_refusal_while_nothing_is_busy_fails_at_once_even_when_waiting()
    {
        var service = new FakeTrainingService(quota: 2, TimeSpan.FromSeconds(30)) { TotalQuotaReached = true };
        var scheduler = Scheduler(maxInFlight: 2, wait: true);
        var clock = Stopwatch.StartNew();
        AddRows(scheduler, service, 3);
        scheduler.Finish();

        Assert.Equal(new[] { "1:Failed", "2:Failed", "3:Failed" }, _sink.Outcomes);
        Assert.All(_sink.Failures, f => Assert.IsType<FakeQuotaException>(f.Error));
        Assert.Equal(3, service.Sends); // none was held and sent again
        Assert.Empty(_sink.Progress);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "a quota that does not free must not make the run wait");
    }

    [Fact]
    public void A_held_row_is_sent_when_a_slot_frees_and_every_row_is_created_once_in_row_order()
    {
        var service = new FakeTrainingService(quota: 2, TimeSpan.FromMilliseconds(150));
        var scheduler = Scheduler(maxInFlight: 4, wait: true);
        AddRows(scheduler, service, 7);
        scheduler.Finish();

        Assert.Equal(Enumerable.Range(1, 7).Select(r => $"{r}:model-{r}"), _sink.Outcomes);
        Assert.Equal(Enumerable.Range(1, 7), service.Created.OrderBy(r => r)); // each row created once
        // The first rows went out together and the service chose which it took; held rows are sent in row order.
        AssertHeldRowsWentOutInRowOrder(service);
        Assert.Contains(_sink.Verbose, line => line.Contains("held until one frees"));
    }

    [Fact]
    public void Once_refused_no_more_creates_are_in_flight_than_slots_have_freed()
    {
        var service = new FakeTrainingService(quota: 2, TimeSpan.FromMilliseconds(100)) { Latency = TimeSpan.FromMilliseconds(30) };
        var scheduler = Scheduler(maxInFlight: 8, wait: true);
        AddRows(scheduler, service, 10);
        scheduler.Finish();

        Assert.Equal(10, _sink.Outcomes.Count(o => o.Contains("model")));
        // Until the first refusal is known, up to 8 are in flight and the next rows may follow them; once it is, a
        // create goes out only for a slot seen free (counting those in flight and those created while the look
        // ran), so only those sent before are refused, each once: 10 rows, 10 sends plus one per refusal.
        Assert.InRange(service.Refusals, 1, 8);
        Assert.Equal(10 + service.Refusals, service.Sends);
    }

    [Fact]
    public void Without_a_quota_value_one_held_row_is_sent_per_job_that_left()
    {
        var service = new FakeTrainingService(quota: 2, TimeSpan.FromMilliseconds(120), reportsQuotaValue: false);
        var scheduler = Scheduler(maxInFlight: 4, wait: true);
        AddRows(scheduler, service, 6);
        scheduler.Finish();

        Assert.Equal(Enumerable.Range(1, 6), service.Created.OrderBy(r => r));
        AssertHeldRowsWentOutInRowOrder(service);
        // Only rows sent before the first refusal was known are refused (each once); after it, one held row goes
        // out per job that left.
        Assert.InRange(service.Refusals, 1, 4);
        Assert.Equal(6 + service.Refusals, service.Sends);
    }

    [Fact]
    public void With_a_first_poll_interval_looks_start_short_and_grow_to_the_poll_interval()
    {
        var service = new FakeTrainingService(quota: 1, TimeSpan.FromMilliseconds(300));
        var scheduler = new RowScheduler(new RowSchedulerOptions
        {
            MaxInFlight = 1,
            WaitForCapacity = true,
            PollInterval = TimeSpan.FromMinutes(10),
            FirstPollInterval = TimeSpan.FromMilliseconds(20),
            Classify = FakeTrainingService.Classify,
        }, _mailbox, _sink, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        AddRows(scheduler, service, 3);
        scheduler.Finish();

        Assert.Equal(new[] { "1:model-1", "2:model-2", "3:model-3" }, _sink.Outcomes);
        // Functional bound, not a benchmark: with the 10-minute interval alone, row 2 would wait 10 minutes.
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"took {clock.Elapsed}");
        // Looks at 20, 40, 80, 160, 320 ms... cover each 300 ms wait in a handful of looks, not one every 20 ms.
        Assert.InRange(service.Looks, 2, 20);
    }

    [Fact]
    public void A_throttled_row_is_held_and_sent_again_with_backoff()
    {
        var service = new FakeTrainingService(quota: null, TimeSpan.Zero) { ThrottleNext = 3 };
        var scheduler = Scheduler(maxInFlight: 1, wait: true);
        AddRows(scheduler, service, 2);
        scheduler.Finish();

        Assert.Equal(new[] { "1:model-1", "2:model-2" }, _sink.Outcomes);
        Assert.Equal(5, service.Sends);
        Assert.Equal(3, _sink.Verbose.Count(line => line.Contains("throttled")));
    }

    [Fact]
    public void Without_waiting_a_throttled_row_fails_with_its_error()
    {
        var service = new FakeTrainingService(quota: null, TimeSpan.Zero) { ThrottleNext = 1 };
        var scheduler = Scheduler(maxInFlight: 1);
        AddRows(scheduler, service, 2);
        scheduler.Finish();

        Assert.Equal(new[] { "1:Failed", "2:model-2" }, _sink.Outcomes);
        Assert.IsType<FakeThrottleException>(_sink.Failures[0].Error);
    }

    [Fact]
    public void After_the_timeout_held_rows_and_later_refused_rows_end_as_timed_out()
    {
        var service = new FakeTrainingService(quota: 1, TimeSpan.FromSeconds(30));
        var scheduler = Scheduler(maxInFlight: 1, wait: true, timeout: TimeSpan.FromMilliseconds(150));
        AddRows(scheduler, service, 3);
        scheduler.Finish();
        scheduler.Add(_sink.Row(4, service, service.Create(4)));
        scheduler.Finish();

        Assert.Equal(new[] { "1:model-1", "2:WaitTimedOut", "3:WaitTimedOut", "4:WaitTimedOut" }, _sink.Outcomes);
        Assert.All(_sink.Failures, f => Assert.True(f.Capacity!.Waited >= TimeSpan.FromMilliseconds(150)));
        Assert.Equal(1, _sink.ProgressCompleted);
    }

    [Fact]
    public void Cancellation_while_rows_are_held_stops_at_once()
    {
        var service = new FakeTrainingService(quota: 1, TimeSpan.FromMinutes(5));
        using var stopping = new CancellationTokenSource();
        var scheduler = new RowScheduler(new RowSchedulerOptions
        {
            MaxInFlight = 4,
            WaitForCapacity = true,
            PollInterval = TimeSpan.FromMinutes(1),
            Classify = FakeTrainingService.Classify,
        }, _mailbox, _sink, stopping.Token);
        AddRows(scheduler, service, 3);

        var clock = Stopwatch.StartNew();
        stopping.CancelAfter(TimeSpan.FromMilliseconds(100));
        Assert.ThrowsAny<OperationCanceledException>(() => scheduler.Finish());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.True(scheduler.Abandon(TimeSpan.FromSeconds(10)));
        int sends = service.Sends;
        Thread.Sleep(300);
        Assert.Equal(sends, service.Sends); // nothing is sent after the stop
        Assert.Equal(0, scheduler.Outstanding);
    }

    [Fact]
    public void An_early_end_stops_sending_and_abandon_waits_for_the_calls_in_flight()
    {
        var service = new FakeTrainingService(quota: null, TimeSpan.Zero) { Latency = TimeSpan.FromMilliseconds(50) };
        _sink.ThrowOnOutcomeOfRow = 1;
        var scheduler = Scheduler(maxInFlight: 3);
        Assert.ThrowsAny<OperationCanceledException>(() => AddRows(scheduler, service, 10));

        Assert.True(scheduler.Abandon(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, scheduler.Outstanding);
        Assert.InRange(service.Sends, 3, 3); // row 1 and the two in flight behind it; none after the end
    }

    [Fact]
    public void Progress_is_shown_only_while_rows_are_held()
    {
        var idle = new FakeTrainingService(quota: null, TimeSpan.Zero);
        var scheduler = Scheduler(maxInFlight: 4, wait: true);
        AddRows(scheduler, idle, 4);
        scheduler.Finish();
        Assert.Empty(_sink.Progress);

        var busy = new FakeTrainingService(quota: 1, TimeSpan.FromMilliseconds(100));
        var waiting = Scheduler(maxInFlight: 1, wait: true);
        for (int row = 1; row <= 3; row++) waiting.Add(_sink.Row(row, busy, busy.Create(row)));
        waiting.Finish();
        Assert.Contains(_sink.Progress, p => p.Waiting == 1 && p.Created == 1 && p.Busy == 1 && p.HeldRow == "row 2 (row-2) in test-region");
        Assert.Contains(_sink.Progress, p => p.Waiting == 1 && p.HeldRow.StartsWith("row 3 (row-3)", StringComparison.Ordinal));
        Assert.Equal(2, _sink.ProgressCompleted); // once per wait: rows 2 and 3 were each held alone
    }

    [Fact]
    public void A_following_row_takes_its_leaders_result_and_is_sent_on_its_own_when_the_leader_fails()
    {
        var gate = new TaskCompletionSource<object>();
        var scheduler = Scheduler(maxInFlight: 4);
        ScheduledRow leader = scheduler.Add(_sink.Row(1, null, _ => gate.Task));
        scheduler.AddFollowing(leader, _sink.Row(2, null, _ => throw new InvalidOperationException("must not be sent")), r => $"{r} again");
        gate.SetResult("m1");
        scheduler.Finish();
        Assert.Equal(new[] { "1:m1", "2:m1 again" }, _sink.Outcomes);

        _sink.Outcomes.Clear();
        var failing = new TaskCompletionSource<object>();
        ScheduledRow failed = scheduler.Add(_sink.Row(3, null, _ => failing.Task));
        int sentOnItsOwn = 0;
        scheduler.AddFollowing(failed, _sink.Row(4, null, _ => { sentOnItsOwn++; return Task.FromResult<object>("m4"); }), r => r);
        failing.SetException(new InvalidOperationException("boom"));
        scheduler.Finish();
        Assert.Equal(new[] { "3:Failed", "4:m4" }, _sink.Outcomes);
        Assert.Equal(1, sentOnItsOwn);
    }

    [Fact]
    public void When_a_leader_fails_its_first_follower_is_sent_and_leads_the_others()
    {
        var failing = new TaskCompletionSource<object>();
        var scheduler = Scheduler(maxInFlight: 5);
        ScheduledRow leader = scheduler.Add(_sink.Row(1, null, _ => failing.Task));
        int sent = 0;
        for (int row = 2; row <= 3; row++)
        {
            scheduler.AddFollowing(leader, _sink.Row(row, null, _ => { sent++; return Task.FromResult<object>($"m{sent}"); }), r => $"{r} again");
        }
        failing.SetException(new InvalidOperationException("boom"));
        scheduler.Finish();

        Assert.Equal(1, sent);
        Assert.Equal(new[] { "1:Failed", "2:m1", "3:m1 again" }, _sink.Outcomes);
    }

    [Fact]
    public void A_quota_that_allows_more_than_is_busy_is_not_taken_for_full_slots()
    {
        var service = new FakeTrainingService(quota: 100, TimeSpan.FromSeconds(30));
        var scheduler = Scheduler(maxInFlight: 1, wait: true);
        scheduler.Add(_sink.Row(1, service, service.Create(1)));
        service.TotalQuotaReached = true; // another quota of 100 is reached while one model trains
        scheduler.Add(_sink.Row(2, service, service.Create(2)));
        scheduler.Finish();

        Assert.Equal(new[] { "1:model-1", "2:Failed" }, _sink.Outcomes);
        Assert.Equal(2, service.Sends);
    }

    [Fact]
    public void Rows_wait_through_a_failed_look_and_fail_naming_it_after_three_in_a_row()
    {
        var service = new FakeTrainingService(quota: 1, TimeSpan.FromSeconds(30)) { FailNextLooks = 100 };
        var scheduler = Scheduler(maxInFlight: 1, wait: true);
        AddRows(scheduler, service, 2);
        scheduler.Finish();

        Assert.Equal(new[] { "1:model-1", "2:Failed" }, _sink.Outcomes);
        Assert.Equal(3, service.Looks);
        Assert.IsType<FakeQuotaException>(_sink.Failures[0].Error);
        Assert.IsType<UnauthorizedAccessException>(_sink.Failures[0].LookError);
        Assert.Equal(2, _sink.Verbose.Count(line => line.Contains("not allowed to list")));
    }

    [Fact]
    public void Without_waiting_a_failed_look_fails_the_row_at_once_naming_it()
    {
        var service = new FakeTrainingService(quota: 1, TimeSpan.FromSeconds(30)) { FailNextLooks = 1 };
        var scheduler = Scheduler(maxInFlight: 1);
        AddRows(scheduler, service, 2);
        scheduler.Finish();

        Assert.Equal(new[] { "1:model-1", "2:Failed" }, _sink.Outcomes);
        Assert.NotNull(_sink.Failures[0].LookError);
        Assert.Equal(1, service.Looks);
    }

    [Fact]
    public void A_row_written_without_a_call_keeps_its_place_in_the_order()
    {
        var gate = new TaskCompletionSource<object>();
        var scheduler = Scheduler(maxInFlight: 4);
        scheduler.Add(_sink.Row(1, null, _ => gate.Task));
        scheduler.AddWritten(() => _sink.Outcomes.Add("2:invalid"));
        Assert.Empty(_sink.Outcomes);
        gate.SetResult("m1");
        scheduler.Finish();
        Assert.Equal(new[] { "1:m1", "2:invalid" }, _sink.Outcomes);
    }
}
