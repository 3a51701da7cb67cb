using CleanRoomsML.Emulator.Protocol;

namespace CleanRoomsML.Emulator.Control;

/// <summary>
/// Decides whether a signed service request fails before its operation runs: first the fault script (one
/// canned answer per request, in order), then the random faults of the current <see cref="FaultSettings"/>
/// drawn from a seeded generator, so a run with the same seed and the same requests fails the same way.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly Queue<ScriptedFault> _script = new();
    private readonly int _seed;
    private Random _random;
    private bool _nextServerErrorIs503;

    public FaultInjector(FaultSettings settings, int seed)
    {
        settings.Validate();
        Settings = settings;
        _seed = seed;
        _random = new Random(seed);
    }

    /// <summary>Replaced as a whole, so readers always see one consistent set.</summary>
    public FaultSettings Settings { get; private set; }

    public void Update(FaultSettings settings)
    {
        settings.Validate();
        Settings = settings;
    }

    public void Enqueue(IEnumerable<ScriptedFault> faults)
    {
        lock (_gate)
        {
            foreach (var fault in faults) _script.Enqueue(fault);
        }
    }

    public void ReplaceScript(IEnumerable<ScriptedFault> faults)
    {
        lock (_gate)
        {
            _script.Clear();
            foreach (var fault in faults) _script.Enqueue(fault);
        }
    }

    public IReadOnlyList<ScriptedFault> PendingScript
    {
        get { lock (_gate) return _script.ToList(); }
    }

    /// <summary>Clears the script, restores the given settings and restarts the random sequence.</summary>
    public void Reset(FaultSettings settings)
    {
        lock (_gate)
        {
            _script.Clear();
            _random = new Random(_seed);
            _nextServerErrorIs503 = false;
            Update(settings);
        }
    }

    /// <summary>Waits the configured latency, then throws the fault this request gets, if any.</summary>
    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        ScriptedFault? scripted;
        lock (_gate) _script.TryDequeue(out scripted);
        if (scripted is not null)
        {
            throw new ServiceException(scripted.Status, scripted.ErrorType, scripted.Message, RejectionCategory.Fault);
        }

        var settings = Settings;
        if (settings.LatencyMs > 0) await Task.Delay(settings.LatencyMs, cancellationToken);

        if (DrawRandomFault(settings) is { } fault)
        {
            throw new ServiceException(fault.Status, fault.ErrorType, fault.Message, RejectionCategory.Fault);
        }
    }

    private ScriptedFault? DrawRandomFault(FaultSettings settings)
    {
        if (settings.ThrottleRate <= 0 && settings.ErrorRate <= 0) return null;
        lock (_gate)
        {
            if (_random.NextDouble() < settings.ThrottleRate) return ScriptedFault.Throttling();
            if (_random.NextDouble() >= settings.ErrorRate) return null;
            bool use503 = _nextServerErrorIs503;
            _nextServerErrorIs503 = !_nextServerErrorIs503;
            return use503 ? ScriptedFault.Unavailable() : ScriptedFault.InternalError();
        }
    }
}
