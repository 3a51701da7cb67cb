using CleanRoomsML.Client.Model;

namespace CleanRoomsML.Emulator.State;

/// <summary>The status of an audience model at one instant, and when it last changed.</summary>
public sealed record AudienceModelState(string Status, DateTime UpdateTime, string? StatusCode, string? StatusMessage);

/// <summary>
/// CREATE_PENDING for the first third of the training time, CREATE_IN_PROGRESS until it is over, then ACTIVE
/// (or CREATE_FAILED for a model whose training dataset carries the fail marker). Computed on each read.
/// </summary>
public static class AudienceModelLifecycle
{
    public const string Pending = AudienceModelStatus.CreatePending;
    public const string InProgress = AudienceModelStatus.CreateInProgress;
    public const string Active = AudienceModelStatus.Active;
    public const string Failed = AudienceModelStatus.CreateFailed;

    public static AudienceModelState At(AudienceModel model, DateTime utcNow)
    {
        // A request that took its clock just before a parallel create stored a model may see it "before" its
        // create time; it is then where it was at creation (so a 0 s model is ACTIVE, a training one pending).
        TimeSpan elapsed = utcNow < model.CreateTime ? TimeSpan.Zero : utcNow - model.CreateTime;
        TimeSpan pendingEnds = model.TrainingDuration / 3;
        if (elapsed < pendingEnds) return new AudienceModelState(Pending, model.CreateTime, null, null);
        if (elapsed < model.TrainingDuration)
        {
            return new AudienceModelState(InProgress, model.CreateTime + pendingEnds, null, null);
        }

        DateTime finished = model.CreateTime + model.TrainingDuration;
        return model.WillFail
            ? new AudienceModelState(Failed, finished, "TRAINING_FAILED",
                $"Training failed: the training dataset '{model.TrainingDatasetName}' could not be used (failure simulated by the emulator).")
            : new AudienceModelState(Active, finished, null, null);
    }

    /// <summary>Whether the model is CREATE_PENDING or CREATE_IN_PROGRESS at that instant.</summary>
    public static bool IsTraining(AudienceModel model, DateTime utcNow) => AudienceModelStatus.IsTraining(At(model, utcNow).Status);
}
