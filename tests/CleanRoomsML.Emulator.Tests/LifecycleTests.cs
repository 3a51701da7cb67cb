using CleanRoomsML.Emulator.Tests.Support;

namespace CleanRoomsML.Emulator.Tests;

/// <summary>With --training-seconds N a model is pending, then in progress, then ACTIVE after N seconds.</summary>
public class LifecycleTests : IClassFixture<SlowTrainingEmulatorFixture>
{
    private readonly SlowTrainingEmulatorFixture _emulator;

    public LifecycleTests(SlowTrainingEmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Status_moves_from_CREATE_PENDING_through_CREATE_IN_PROGRESS_to_ACTIVE_and_updateTime_follows()
    {
        var client = _emulator.Client;
        string arn = await client.CreateAudienceModelAsync("slow", _emulator.SeedArn);
        string path = "/audience-model/" + EmulatorClient.Encode(arn);

        var seen = new List<string>();
        var first = (await client.GetAsync(path)).Json!;
        seen.Add((string)first["status"]!);
        var deadline = DateTime.UtcNow.AddSeconds(SlowTrainingEmulatorFixture.TrainingSeconds + 4);
        var last = first;
        while ((string)last["status"]! != "ACTIVE" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            last = (await client.GetAsync(path)).Json!;
            if (seen[^1] != (string)last["status"]!) seen.Add((string)last["status"]!);
        }

        Assert.Equal(new[] { "CREATE_PENDING", "CREATE_IN_PROGRESS", "ACTIVE" }, seen);
        Assert.Equal((string?)first["createTime"], (string?)first["updateTime"]);
        var created = DateTimeOffset.Parse((string)last["createTime"]!, System.Globalization.CultureInfo.InvariantCulture);
        var updated = DateTimeOffset.Parse((string)last["updateTime"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromSeconds(SlowTrainingEmulatorFixture.TrainingSeconds), updated - created);
    }

    [Fact]
    public async Task A_model_is_not_ACTIVE_right_after_create_but_is_after_the_training_time()
    {
        var client = _emulator.Client;
        string arn = await client.CreateAudienceModelAsync("slow-2", _emulator.SeedArn);
        string path = "/audience-model/" + EmulatorClient.Encode(arn);

        string before = (string)(await client.GetAsync(path)).Json!["status"]!;
        await Task.Delay(SlowTrainingEmulatorFixture.TrainingSeconds * 1000 + 200);
        string after = (string)(await client.GetAsync(path)).Json!["status"]!;

        Assert.NotEqual("ACTIVE", before);
        Assert.Equal("ACTIVE", after);
    }

    [Fact]
    public async Task The_list_summary_shows_the_same_derived_status()
    {
        var client = _emulator.Client.ForRegion(EmulatorClient.UniqueRegion());
        string datasetArn = await client.CreateTrainingDatasetAsync("d");
        await client.CreateAudienceModelAsync("listed", datasetArn);

        var list = (await client.GetAsync("/audience-model")).Json!;

        Assert.Equal("CREATE_PENDING", (string?)list["audienceModels"]![0]!["status"]);
    }
}
