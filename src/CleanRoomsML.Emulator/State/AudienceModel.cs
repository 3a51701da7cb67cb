namespace CleanRoomsML.Emulator.State;

/// <summary>
/// A stored audience model. Its status is not stored: <see cref="AudienceModelLifecycle"/> derives it from
/// the create time, the training duration and whether this model was set up to fail.
/// </summary>
public sealed record AudienceModel(
    string Arn,
    string Name,
    string Region,
    string TrainingDatasetArn,
    string TrainingDatasetName,
    DateTime? TrainingDataStartTime,
    DateTime? TrainingDataEndTime,
    string? KmsKeyArn,
    string? Description,
    DateTime CreateTime,
    TimeSpan TrainingDuration,
    bool WillFail)
{
    public long Sequence { get; init; }
}
