namespace CleanRoomsML.Emulator.State;

/// <summary>A stored training dataset. Its status is always ACTIVE (the model's only value).</summary>
public sealed record TrainingDataset(
    string Arn,
    string Name,
    string Region,
    string RoleArn,
    string? Description,
    IReadOnlyList<DatasetSpec> TrainingData,
    DateTime CreateTime)
{
    public const string Status = "ACTIVE";

    /// <summary>Order of creation, set by the store; lists and page tokens use it.</summary>
    public long Sequence { get; init; }
}
