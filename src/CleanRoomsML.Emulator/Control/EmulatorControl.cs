using CleanRoomsML.Emulator.State;

namespace CleanRoomsML.Emulator.Control;

/// <summary>
/// The emulator's control surface for tests in this process: the request log, the fault settings and
/// script, and reset. The HTTP control endpoint (/_emulator/...) offers the same.
/// </summary>
public sealed class EmulatorControl
{
    private readonly RequestLog _log;
    private readonly FaultInjector _faults;
    private readonly ResourceStore _store;
    private readonly Action _reset;

    internal EmulatorControl(RequestLog log, FaultInjector faults, ResourceStore store, Action reset)
    {
        _log = log;
        _faults = faults;
        _store = store;
        _reset = reset;
    }

    /// <summary>Service requests received (signed or not, valid or not) since start or the last reset.</summary>
    public int TotalRequests => _log.Total;

    /// <summary>The most service requests handled at the same time since the last reset.</summary>
    public int MaxRequestsInFlight => _log.MaxInFlight;

    /// <summary>How many requests tried this operation (e.g. "CreateAudienceModel"), whatever their answer.</summary>
    public int RequestCount(string operation) => _log.CountOf(operation);

    public IReadOnlyDictionary<string, int> RequestCounts => _log.ByOperation;

    /// <summary>Refused requests by reason: signature, validation, notFound, conflict, quota, fault, unknownOperation.</summary>
    public IReadOnlyDictionary<string, int> RejectedCounts => _log.Rejected;

    public RecordedRequest? LastRequest => _log.Last;

    /// <summary>The last <see cref="RequestLog.RecentCapacity"/> service requests, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> RecentRequests => _log.Recent;

    /// <summary>The current fault settings; assign to change them (<c>Faults = Faults with { ThrottleRate = 0.5 }</c>).</summary>
    public FaultSettings Faults
    {
        get => _faults.Settings;
        set => _faults.Update(value);
    }

    public IReadOnlyList<ScriptedFault> PendingFaults => _faults.PendingScript;

    /// <summary>Queues canned answers; each signed service request takes the next one instead of running.</summary>
    public void EnqueueFaults(params ScriptedFault[] faults) => _faults.Enqueue(faults);

    public void EnqueueFault(int status, string errorType, string message) =>
        _faults.Enqueue(new[] { new ScriptedFault(status, errorType, message) });

    public void ClearFaultScript() => _faults.ReplaceScript(Array.Empty<ScriptedFault>());

    /// <summary>Audience models currently stored, in all regions.</summary>
    public int AudienceModelCount => _store.AudienceModelCount;

    /// <summary>
    /// The region's audience models in CREATE_PENDING or CREATE_IN_PROGRESS now: what
    /// <see cref="FaultSettings.MaxPendingAudienceModels"/> limits.
    /// </summary>
    public int AudienceModelsInTraining(string region) => _store.AudienceModelsInTraining(region, DateTime.UtcNow);

    /// <summary>
    /// Clears the request log, the fault script and every resource, re-seeds the demo datasets, and puts the fault
    /// settings back to the start options.
    /// </summary>
    public void Reset() => _reset();
}
