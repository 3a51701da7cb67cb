namespace CleanRoomsML.Emulator.State;

/// <summary>The training dataset every listed region starts with, so a demo needs no set-up.</summary>
public static class SeedData
{
    public static IReadOnlyList<TrainingDataset> TrainingDatasets(EmulatorOptions options, DateTime utcNow) =>
        options.Regions.Distinct(StringComparer.Ordinal).Select(region => TrainingDataset(region, options.AccountId, utcNow)).ToList();

    public static TrainingDataset TrainingDataset(string region, string accountId, DateTime utcNow) => new(
        EmulatorDefaults.SeedDatasetArn(region, accountId),
        EmulatorDefaults.SeedDatasetName,
        region,
        $"arn:aws:iam::{accountId}:role/cleanrooms-ml-demo",
        "Demo interactions seeded by the emulator",
        new[]
        {
            new DatasetSpec("INTERACTIONS", new[]
            {
                new ColumnSpec("user_id", new[] { "USER_ID" }),
                new ColumnSpec("item_id", new[] { "ITEM_ID" }),
                new ColumnSpec("timestamp", new[] { "TIMESTAMP" }),
            }, "demo_db", "interactions", null),
        },
        Operations.OperationContext.Truncate(utcNow));
}
