using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CleanRoomsML.PowerShell.Scheduling;

namespace CleanRoomsML.PowerShell.Tests.Scheduling;

/// <summary>Refused for a full quota; carries the quota's value when the service gave it.</summary>
internal sealed class FakeQuotaException(double? quotaValue) : Exception("quota exceeded")
{
    public double? QuotaValue { get; } = quotaValue;
}

internal sealed class FakeThrottleException() : Exception("rate exceeded");

/// <summary>
/// A service whose jobs occupy one of <c>quota</c> slots for a fixed training time, and that refuses a create
/// while all slots are taken, as Clean Rooms ML does. It records what it was sent, so tests can check the
/// scheduler's promises: order, no more in flight than slots, never a row created twice.
/// </summary>
internal sealed class FakeTrainingService : ICapacityPlace
{
    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Id, TimeSpan Started)> _jobs = new();
    private int _sending;

    public FakeTrainingService(int? quota, TimeSpan training, bool reportsQuotaValue = true)
    {
        Quota = quota;
        Training = training;
        ReportsQuotaValue = reportsQuotaValue;
    }

    public string Name => "test-region";

    public int? Quota { get; set; }

    public TimeSpan Training { get; }

    public bool ReportsQuotaValue { get; }

    /// <summary>Answers this many creates with a throttling error before serving them again.</summary>
    public int ThrottleNext { get; set; }

    /// <summary>Refuses every create as if a total quota were reached (nothing frees).</summary>
    public bool TotalQuotaReached { get; set; }

    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(5);

    public List<int> Created { get; } = new();

    /// <summary>Every create as it arrived, refused or not.</summary>
    public List<int> Sent { get; } = new();

    public int Sends { get; private set; }

    public int Looks { get; private set; }

    /// <summary>Makes this many looks fail, as a listing refused for want of permission does.</summary>
    public int FailNextLooks { get; set; }

    public int MaxSendingAtOnce { get; private set; }

    /// <summary>Creates refused for the quota.</summary>
    public int Refusals { get; private set; }

    public Func<CancellationToken, Task<object>> Create(int row) => cancellation => CreateAsync(row, cancellation);

    public Task<IReadOnlyCollection<string>> ReadBusyAsync(CancellationToken cancellation) => Task.Run(() =>
    {
        lock (_gate)
        {
            Looks++;
            if (FailNextLooks > 0)
            {
                FailNextLooks--;
                throw new UnauthorizedAccessException("not allowed to list");
            }
            return (IReadOnlyCollection<string>)Busy().Select(j => j.Id).ToList();
        }
    }, cancellation);

    /// <summary>Ends every job's training now.</summary>
    public void FinishTraining()
    {
        lock (_gate) _jobs.Clear();
    }

    private async Task<object> CreateAsync(int row, CancellationToken cancellation)
    {
        lock (_gate)
        {
            Sends++;
            Sent.Add(row);
            MaxSendingAtOnce = Math.Max(MaxSendingAtOnce, ++_sending);
        }
        try
        {
            await Task.Delay(Latency, cancellation).ConfigureAwait(false);
            lock (_gate)
            {
                if (ThrottleNext > 0)
                {
                    ThrottleNext--;
                    throw new FakeThrottleException();
                }
                if (TotalQuotaReached || Quota is { } quota && Busy().Count() >= quota)
                {
                    Refusals++;
                    throw new FakeQuotaException(ReportsQuotaValue ? Quota : null);
                }
                Assert.DoesNotContain(row, Created);
                Created.Add(row);
                _jobs.Add(($"job-{row}", _clock.Elapsed));
                return $"model-{row}";
            }
        }
        finally
        {
            lock (_gate) _sending--;
        }
    }

    private IEnumerable<(string Id, TimeSpan Started)> Busy() => _jobs.Where(j => _clock.Elapsed - j.Started < Training);

    public static Refusal Classify(Exception error) => error switch
    {
        FakeQuotaException quota => new Refusal(RefusalKind.Quota, quota.QuotaValue),
        FakeThrottleException => new Refusal(RefusalKind.Throttled),
        _ => Refusal.None,
    };
}

/// <summary>Records what the scheduler writes, in the order it writes it.</summary>
internal sealed class RecordingSink : IRowSink
{
    public List<string> Outcomes { get; } = new();

    public List<RowFailure> Failures { get; } = new();

    public List<string> Verbose { get; } = new();

    public List<CapacityProgress> Progress { get; } = new();

    public int ProgressCompleted { get; private set; }

    /// <summary>When set, writing this row's outcome throws, as an early end downstream does.</summary>
    public int? ThrowOnOutcomeOfRow { get; set; }

    public void WriteVerbose(string line) => Verbose.Add(line);

    public void WriteProgress(CapacityProgress progress) => Progress.Add(progress);

    public void CompleteProgress() => ProgressCompleted++;

    public RowRequest Row(int number, ICapacityPlace? place, Func<CancellationToken, Task<object>> send) => new(
        $"row-{number}", place, send,
        result =>
        {
            if (ThrowOnOutcomeOfRow == number) throw new OperationCanceledException("downstream stopped");
            Outcomes.Add($"{number}:{result}");
        },
        failure =>
        {
            Outcomes.Add($"{number}:{failure.Kind}");
            Failures.Add(failure);
        });
}
