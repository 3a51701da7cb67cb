namespace CleanRoomsML.Emulator.Control;

/// <summary>
/// Counts service requests per operation and per rejection reason, keeps the most recent ones, and the
/// most requests that were being handled at the same time.
/// </summary>
public sealed class RequestLog
{
    public const int RecentCapacity = 50;

    private readonly object _gate = new();
    private readonly Dictionary<string, int> _byOperation = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _rejected = new(StringComparer.Ordinal);
    private readonly Queue<RecordedRequest> _recent = new();
    private int _total;
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>A service request has arrived; <see cref="Ended"/> follows when it has been answered.</summary>
    public void Started()
    {
        lock (_gate)
        {
            _inFlight++;
            _maxInFlight = Math.Max(_maxInFlight, _inFlight);
        }
    }

    public void Ended()
    {
        lock (_gate) _inFlight--;
    }

    /// <summary>The most service requests handled at the same time since the last <see cref="Clear"/>.</summary>
    public int MaxInFlight
    {
        get { lock (_gate) return _maxInFlight; }
    }

    public void Record(RecordedRequest request, string? rejectionCategory)
    {
        lock (_gate)
        {
            _total++;
            if (request.Operation is { } operation) _byOperation[operation] = _byOperation.GetValueOrDefault(operation) + 1;
            if (rejectionCategory is not null) _rejected[rejectionCategory] = _rejected.GetValueOrDefault(rejectionCategory) + 1;
            _recent.Enqueue(request);
            while (_recent.Count > RecentCapacity) _recent.Dequeue();
        }
    }

    public int Total
    {
        get { lock (_gate) return _total; }
    }

    public int CountOf(string operation)
    {
        lock (_gate) return _byOperation.GetValueOrDefault(operation);
    }

    public IReadOnlyDictionary<string, int> ByOperation
    {
        get { lock (_gate) return new SortedDictionary<string, int>(_byOperation, StringComparer.Ordinal); }
    }

    public IReadOnlyDictionary<string, int> Rejected
    {
        get { lock (_gate) return new SortedDictionary<string, int>(_rejected, StringComparer.Ordinal); }
    }

    /// <summary>The most recent requests, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Recent
    {
        get { lock (_gate) return _recent.ToList(); }
    }

    public RecordedRequest? Last
    {
        get { lock (_gate) return _recent.LastOrDefault(); }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _total = 0;
            _maxInFlight = _inFlight;
            _byOperation.Clear();
            _rejected.Clear();
            _recent.Clear();
        }
    }
}
