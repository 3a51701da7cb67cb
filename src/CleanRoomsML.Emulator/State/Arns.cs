namespace CleanRoomsML.Emulator.State;

/// <summary>Builds the ARNs of the emulator's resources.</summary>
public static class Arns
{
    public static string TrainingDataset(string region, string accountId, string id) =>
        $"arn:aws:cleanrooms-ml:{region}:{accountId}:training-dataset/{id}";

    public static string AudienceModel(string region, string accountId, string id) =>
        $"arn:aws:cleanrooms-ml:{region}:{accountId}:audience-model/{id}";

    /// <summary>A new resource id: a random lower-case GUID.</summary>
    public static string NewId() => Guid.NewGuid().ToString("D");
}
