namespace CleanRoomsML.Emulator;

/// <summary>
/// The documented defaults. The key pair is a public test value: it only opens this emulator.
/// </summary>
public static class EmulatorDefaults
{
    public const string AccessKey = "AKIAEMULATOR0EXAMPLE";
    public const string SecretKey = "emulatorSecretKey/EXAMPLE0000000000000000";
    public const string AccountId = "123456789012";
    public const string Region = "us-east-1";
    public const string SeedDatasetName = "demo-interactions";
    public const string Urls = "http://127.0.0.1:0";
    public const double TrainingSeconds = 3;
    public const string FailMarker = "fail-training";
    public const int Seed = 42;

    /// <summary>
    /// The real service's default quota "Pending or in-progress audience models per customer": 2 per Region
    /// (Clean Rooms ML quotas page of the AWS Clean Rooms user guide; adjustable through Service Quotas).
    /// </summary>
    public const int MaxPendingAudienceModels = 2;

    /// <summary>The ARN of the training dataset seeded in each region at start.</summary>
    public static string SeedDatasetArn(string region, string accountId = AccountId) =>
        State.Arns.TrainingDataset(region, accountId, SeedDatasetName);
}
