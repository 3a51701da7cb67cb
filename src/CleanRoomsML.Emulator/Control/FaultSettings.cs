namespace CleanRoomsML.Emulator.Control;

/// <summary>
/// The run-time knobs of the emulator. Immutable: change them with <c>control.Faults = control.Faults with { ... }</c>.
/// </summary>
/// <param name="ThrottleRate">Probability (0-1) that a request is answered 429 ThrottlingException.</param>
/// <param name="ErrorRate">Probability (0-1) of a server error, alternately 500 InternalServiceException and 503 ServiceUnavailableException.</param>
/// <param name="LatencyMs">Delay added to every service request.</param>
/// <param name="MaxAudienceModels">Quota of audience models per region; null for none.</param>
/// <param name="TrainingSeconds">Training time of audience models created from now on; 0 makes them ACTIVE at once.</param>
/// <param name="MaxPendingAudienceModels">
/// Quota of audience models in CREATE_PENDING or CREATE_IN_PROGRESS per region (the real service's default is 2); null for none.
/// </param>
public sealed record FaultSettings(double ThrottleRate, double ErrorRate, int LatencyMs, int? MaxAudienceModels, double TrainingSeconds,
    int? MaxPendingAudienceModels)
{
    public static FaultSettings From(EmulatorOptions options) =>
        new(options.ThrottleRate, options.ErrorRate, options.LatencyMs, options.MaxAudienceModels, options.TrainingSeconds,
            options.MaxPendingAudienceModels);

    /// <summary>Throws ArgumentException naming the first setting out of range.</summary>
    public void Validate()
    {
        if (ThrottleRate is < 0 or > 1 || double.IsNaN(ThrottleRate)) throw new ArgumentException("throttleRate must be between 0 and 1.");
        if (ErrorRate is < 0 or > 1 || double.IsNaN(ErrorRate)) throw new ArgumentException("errorRate must be between 0 and 1.");
        if (LatencyMs < 0) throw new ArgumentException("latencyMs must be 0 or more.");
        if (MaxAudienceModels < 0) throw new ArgumentException("maxAudienceModels must be 0 or more (or null for no quota).");
        if (MaxPendingAudienceModels < 0) throw new ArgumentException("maxPendingAudienceModels must be 0 or more (or null for no quota).");
        if (TrainingSeconds < 0 || double.IsNaN(TrainingSeconds) || double.IsInfinity(TrainingSeconds))
        {
            throw new ArgumentException("trainingSeconds must be 0 or more.");
        }
    }
}
