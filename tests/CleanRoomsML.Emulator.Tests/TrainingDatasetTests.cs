using System.Text.Json.Nodes;
using CleanRoomsML.Emulator.Tests.Support;

namespace CleanRoomsML.Emulator.Tests;

public class TrainingDatasetTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public TrainingDatasetTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task The_seeded_dataset_exists_with_its_documented_arn_and_name()
    {
        var response = await _emulator.Client.GetAsync("/training-dataset/" + EmulatorClient.Encode(
            "arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/demo-interactions"));

        Assert.Equal(200, response.Status);
        Assert.Equal("demo-interactions", (string?)response.Json!["name"]);
        Assert.Equal("ACTIVE", (string?)response.Json!["status"]);
    }

    [Fact]
    public async Task Create_then_get_round_trips_the_training_data_role_description_and_tags()
    {
        var client = _emulator.Client;
        string arn = await client.CreateTrainingDatasetAsync("round-trip", new JsonObject
        {
            ["description"] = "clicks",
            ["tags"] = new JsonObject { ["env"] = "test" },
        });

        var json = (await client.GetAsync("/training-dataset/" + EmulatorClient.Encode(arn))).Json!;

        Assert.StartsWith("arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/", arn);
        Assert.Equal(arn, (string?)json["trainingDatasetArn"]);
        Assert.Equal("round-trip", (string?)json["name"]);
        Assert.Equal("arn:aws:iam::123456789012:role/cleanrooms-ml", (string?)json["roleArn"]);
        Assert.Equal("clicks", (string?)json["description"]);
        Assert.Equal("test", (string?)json["tags"]!["env"]);
        Assert.Equal("ACTIVE", (string?)json["status"]);
        Assert.NotNull(json["createTime"]);
        Assert.NotNull(json["updateTime"]);
        Assert.True(JsonNode.DeepEquals(new JsonArray(Bodies.Dataset()), json["trainingData"]), json["trainingData"]!.ToJsonString());
    }

    [Fact]
    public async Task A_second_dataset_with_the_same_name_in_the_region_is_ConflictException()
    {
        var client = _emulator.Client;
        await client.CreateTrainingDatasetAsync("same-name");

        var second = await client.PostAsync("/training-dataset", Bodies.TrainingDataset("same-name"));
        var otherRegion = await client.ForRegion("eu-west-1").PostAsync("/training-dataset", Bodies.TrainingDataset("same-name"));

        Assert.Equal(409, second.Status);
        Assert.Equal("ConflictException", second.ErrorType);
        Assert.Equal(200, otherRegion.Status);
    }

    [Fact]
    public async Task Deleting_a_dataset_that_a_model_uses_is_ConflictException_until_the_model_is_deleted()
    {
        var client = _emulator.Client;
        string datasetArn = await client.CreateTrainingDatasetAsync("in-use");
        string modelArn = await client.CreateAudienceModelAsync("user", datasetArn);
        string path = "/training-dataset/" + EmulatorClient.Encode(datasetArn);

        var refused = await client.DeleteAsync(path);
        await client.DeleteAsync("/audience-model/" + EmulatorClient.Encode(modelArn));
        var deleted = await client.DeleteAsync(path);
        var gone = await client.GetAsync(path);

        Assert.Equal(409, refused.Status);
        Assert.Equal("ConflictException", refused.ErrorType);
        Assert.Contains(modelArn, refused.Message);
        Assert.Equal(200, deleted.Status);
        Assert.Equal(404, gone.Status);
        Assert.Equal("ResourceNotFoundException", gone.ErrorType);
    }

    [Fact]
    public async Task Delete_of_an_unknown_dataset_is_ResourceNotFoundException()
    {
        var response = await _emulator.Client.DeleteAsync("/training-dataset/" + EmulatorClient.Encode(
            "arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/unknown"));
        Assert.Equal(404, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task List_returns_summaries_of_the_region_only()
    {
        var client = _emulator.Client.ForRegion(EmulatorClient.UniqueRegion());
        string arn = await client.CreateTrainingDatasetAsync("only-one", new JsonObject { ["description"] = "d" });

        var json = (await client.GetAsync("/training-dataset")).Json!;

        var summary = Assert.Single(json["trainingDatasets"]!.AsArray())!;
        Assert.Equal(arn, (string?)summary["trainingDatasetArn"]);
        Assert.Equal("only-one", (string?)summary["name"]);
        Assert.Equal("ACTIVE", (string?)summary["status"]);
        Assert.Equal("d", (string?)summary["description"]);
        Assert.Null(summary["trainingData"]);
        Assert.Null(json["nextToken"]);
    }
}
