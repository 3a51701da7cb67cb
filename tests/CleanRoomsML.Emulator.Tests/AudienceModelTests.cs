using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CleanRoomsML.Emulator.Tests.Support;

namespace CleanRoomsML.Emulator.Tests;

public class AudienceModelTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public AudienceModelTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Create_returns_an_arn_with_the_signing_region_account_and_a_lowercase_guid()
    {
        var response = await _emulator.Client.PostAsync("/audience-model", Bodies.AudienceModel("model-a", _emulator.SeedArn));

        Assert.Equal(200, response.Status);
        Assert.Equal("application/json", response.ContentType);
        Assert.True(Guid.TryParse(response.RequestId, out _), $"x-amzn-RequestId: {response.RequestId}");
        Assert.Matches(new Regex(@"\Aarn:aws:cleanrooms-ml:us-east-1:123456789012:audience-model/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\z"),
            response.String("audienceModelArn"));
        Assert.Single(response.Json!.AsObject());
    }

    [Fact]
    public async Task Get_returns_every_member_that_was_sent_with_iso8601_timestamps()
    {
        var client = _emulator.Client;
        string arn = await client.CreateAudienceModelAsync("model-b", _emulator.SeedArn, new JsonObject
        {
            ["trainingDataStartTime"] = "2024-01-01T00:00:00Z",
            ["trainingDataEndTime"] = "2024-01-31T12:30:00.5+02:00",
            ["kmsKeyArn"] = "arn:aws:kms:us-east-1:123456789012:key/abcd",
            ["description"] = "line one\nline two",
            ["tags"] = new JsonObject { ["team"] = "ml", ["Team"] = "case matters" },
        });

        var response = await client.GetAsync("/audience-model/" + EmulatorClient.Encode(arn));

        Assert.Equal(200, response.Status);
        var json = response.Json!;
        Assert.Equal(arn, (string?)json["audienceModelArn"]);
        Assert.Equal("model-b", (string?)json["name"]);
        Assert.Equal(_emulator.SeedArn, (string?)json["trainingDatasetArn"]);
        Assert.Equal("ACTIVE", (string?)json["status"]);
        Assert.Equal("2024-01-01T00:00:00Z", (string?)json["trainingDataStartTime"]);
        Assert.Equal("2024-01-31T10:30:00.5Z", (string?)json["trainingDataEndTime"]);
        Assert.Equal("arn:aws:kms:us-east-1:123456789012:key/abcd", (string?)json["kmsKeyArn"]);
        Assert.Equal("line one\nline two", (string?)json["description"]);
        Assert.Equal("ml", (string?)json["tags"]!["team"]);
        Assert.Equal("case matters", (string?)json["tags"]!["Team"]);
        Assert.Matches(@"\A\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z\z", (string?)json["createTime"]);
        Assert.Matches(@"\A\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z\z", (string?)json["updateTime"]);
        Assert.Null(json["statusDetails"]);
    }

    [Fact]
    public async Task An_unencoded_arn_in_the_path_matches_no_operation()
    {
        string arn = await _emulator.Client.CreateAudienceModelAsync("model-raw", _emulator.SeedArn);

        var encoded = await _emulator.Client.GetAsync("/audience-model/" + EmulatorClient.Encode(arn));
        var raw = await _emulator.Client.GetAsync("/audience-model/" + arn);

        Assert.Equal(200, encoded.Status);
        Assert.Equal(404, raw.Status);
        Assert.Equal("UnknownOperationException", raw.ErrorType);
    }

    [Fact]
    public async Task Delete_removes_the_model_so_get_and_a_second_delete_are_404()
    {
        var client = _emulator.Client;
        string arn = await client.CreateAudienceModelAsync("model-c", _emulator.SeedArn);
        string path = "/audience-model/" + EmulatorClient.Encode(arn);

        var deleted = await client.DeleteAsync(path);
        var get = await client.GetAsync(path);
        var again = await client.DeleteAsync(path);

        Assert.Equal(200, deleted.Status);
        Assert.Equal("", deleted.RawBody);
        Assert.Equal(404, get.Status);
        Assert.Equal("ResourceNotFoundException", get.ErrorType);
        Assert.Contains(arn, get.Message);
        Assert.Equal(404, again.Status);
    }

    [Fact]
    public async Task Get_of_an_unknown_arn_is_ResourceNotFoundException()
    {
        string arn = "arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-model/does-not-exist";
        var response = await _emulator.Client.GetAsync("/audience-model/" + EmulatorClient.Encode(arn));

        Assert.Equal(404, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
        Assert.Equal("application/json", response.ContentType);
        Assert.False(string.IsNullOrEmpty(response.Message));
    }

    [Fact]
    public async Task Create_with_an_unknown_training_dataset_is_ResourceNotFoundException()
    {
        var response = await _emulator.Client.PostAsync("/audience-model",
            Bodies.AudienceModel("model-d", "arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/nope"));

        Assert.Equal(404, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task A_region_not_in_the_list_is_served_and_its_arns_carry_that_region()
    {
        var client = _emulator.Client.ForRegion("ap-southeast-2");
        string datasetArn = await client.CreateTrainingDatasetAsync("sydney-data");

        string modelArn = await client.CreateAudienceModelAsync("sydney-model", datasetArn);

        Assert.StartsWith("arn:aws:cleanrooms-ml:ap-southeast-2:123456789012:training-dataset/", datasetArn);
        Assert.StartsWith("arn:aws:cleanrooms-ml:ap-southeast-2:123456789012:audience-model/", modelArn);
    }

    [Fact]
    public async Task A_model_trained_on_a_dataset_named_with_the_fail_marker_ends_CREATE_FAILED_with_details()
    {
        var client = _emulator.Client;
        string datasetArn = await client.CreateTrainingDatasetAsync("data-fail-training-1");
        string arn = await client.CreateAudienceModelAsync("doomed", datasetArn);

        var json = (await client.GetAsync("/audience-model/" + EmulatorClient.Encode(arn))).Json!;

        Assert.Equal("CREATE_FAILED", (string?)json["status"]);
        Assert.False(string.IsNullOrEmpty((string?)json["statusDetails"]!["statusCode"]));
        Assert.Contains("data-fail-training-1", (string?)json["statusDetails"]!["message"]);
    }
}
