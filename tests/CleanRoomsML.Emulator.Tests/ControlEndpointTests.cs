using System.Text.Json.Nodes;
using CleanRoomsML.Emulator.Tests.Support;

namespace CleanRoomsML.Emulator.Tests;

/// <summary>The unsigned /_emulator/ endpoint; each test starts from a reset.</summary>
public class ControlEndpointTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public ControlEndpointTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Server.Control.Reset();
    }

    [Fact]
    public async Task Health_is_ok_without_a_signature()
    {
        var (status, json) = await _emulator.ControlAsync("GET", "health");
        Assert.Equal(200, status);
        Assert.Equal("ok", (string?)json["status"]);
    }

    [Fact]
    public async Task Requests_counts_attempts_per_operation_and_rejections_by_reason()
    {
        var client = _emulator.Client;
        await client.CreateAudienceModelAsync("counted", _emulator.SeedArn);
        await client.PostAsync("/audience-model", new JsonObject { ["name"] = "" });
        await new EmulatorClient(_emulator.Server.Url) { SecretKey = "bad" }.GetAsync("/audience-model");

        var (status, json) = await _emulator.ControlAsync("GET", "requests");

        Assert.Equal(200, status);
        Assert.Equal(3, (int)json["total"]!);
        Assert.Equal(2, (int)json["byOperation"]!["CreateAudienceModel"]!);
        Assert.Equal(1, (int)json["byOperation"]!["ListAudienceModels"]!);
        Assert.Equal(1, (int)json["rejected"]!["validation"]!);
        Assert.Equal(1, (int)json["rejected"]!["signature"]!);
        Assert.Equal(2, _emulator.Server.Control.RequestCount("CreateAudienceModel"));
    }

    [Fact]
    public async Task MaxInFlight_is_the_most_requests_handled_at_once_and_reset_clears_it()
    {
        await _emulator.ControlAsync("POST", "faults", """{"latencyMs":300}""");
        var client = _emulator.Client;
        await client.CreateAudienceModelAsync("one-at-a-time-1", _emulator.SeedArn);
        await client.CreateAudienceModelAsync("one-at-a-time-2", _emulator.SeedArn);
        var (_, sequential) = await _emulator.ControlAsync("GET", "requests");

        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => client.CreateAudienceModelAsync($"together-{i}", _emulator.SeedArn)));
        var (_, overlapping) = await _emulator.ControlAsync("GET", "requests");
        await _emulator.ControlAsync("POST", "reset");
        var (_, afterReset) = await _emulator.ControlAsync("GET", "requests");

        Assert.Equal(1, (int)sequential["maxInFlight"]!);
        Assert.Equal(3, (int)overlapping["maxInFlight"]!);
        Assert.Equal(0, (int)afterReset["maxInFlight"]!);
    }

    [Fact]
    public async Task Control_requests_are_not_counted()
    {
        await _emulator.ControlAsync("GET", "health");
        await _emulator.ControlAsync("GET", "faults");
        var (_, json) = await _emulator.ControlAsync("GET", "requests");
        Assert.Equal(0, (int)json["total"]!);
    }

    [Fact]
    public async Task Last_shows_the_request_as_received_without_the_secret()
    {
        string arn = await _emulator.Client.CreateAudienceModelAsync("last", _emulator.SeedArn);
        await _emulator.Client.GetAsync("/audience-model/" + EmulatorClient.Encode(arn) + "?x=1");

        var (status, json) = await _emulator.ControlAsync("GET", "requests/last");

        Assert.Equal(200, status);
        Assert.Equal("GET", (string?)json["method"]);
        Assert.Equal("/audience-model/" + EmulatorClient.Encode(arn) + "?x=1", (string?)json["rawTarget"]);
        Assert.Equal("/audience-model/" + EmulatorClient.Encode(arn), (string?)json["path"]);
        Assert.Equal("x=1", (string?)json["query"]);
        Assert.Equal("GetAudienceModel", (string?)json["operation"]);
        Assert.Equal(200, (int)json["status"]!);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=" + EmulatorDefaults.AccessKey, (string?)json["headers"]!["authorization"]);
        Assert.Equal(_emulator.Server.Url.Authority, (string?)json["headers"]!["host"]);
        Assert.DoesNotContain(EmulatorDefaults.SecretKey, json.ToJsonString());
        Assert.Equal("GetAudienceModel", _emulator.Server.Control.LastRequest!.Operation);
    }

    [Fact]
    public async Task Last_keeps_the_body_as_text()
    {
        await _emulator.Client.CreateAudienceModelAsync("body-text", _emulator.SeedArn);
        var (_, json) = await _emulator.ControlAsync("GET", "requests/last");
        Assert.Contains("\"name\":\"body-text\"", (string?)json["body"]);
    }

    [Fact]
    public async Task Recent_keeps_the_last_50_oldest_first()
    {
        for (int i = 0; i < 53; i++) await _emulator.Client.GetAsync("/audience-model?maxResults=" + (i % 100 + 1));

        var (_, json) = await _emulator.ControlAsync("GET", "requests/recent");
        var requests = json["requests"]!.AsArray();

        Assert.Equal(50, requests.Count);
        Assert.Equal("maxResults=4", (string?)requests[0]!["query"]);
        Assert.Equal("maxResults=53", (string?)requests[49]!["query"]);
    }

    [Fact]
    public async Task Reset_clears_resources_and_counts_but_keeps_the_seeded_dataset()
    {
        string arn = await _emulator.Client.CreateAudienceModelAsync("to-clear", _emulator.SeedArn);
        await _emulator.Client.DeleteAsync("/audience-model/" + EmulatorClient.Encode(arn));
        await _emulator.Client.DeleteAsync("/training-dataset/" + EmulatorClient.Encode(_emulator.SeedArn));
        string second = await _emulator.Client.CreateAudienceModelAsync("to-clear-2", await _emulator.Client.CreateTrainingDatasetAsync("temp"));

        var (status, _) = await _emulator.ControlAsync("POST", "reset");
        var (_, counts) = await _emulator.ControlAsync("GET", "requests");
        var model = await _emulator.Client.GetAsync("/audience-model/" + EmulatorClient.Encode(second));
        var seed = await _emulator.Client.GetAsync("/training-dataset/" + EmulatorClient.Encode(_emulator.SeedArn));

        Assert.Equal(200, status);
        Assert.Equal(0, (int)counts["total"]!);
        Assert.Equal(404, model.Status);
        Assert.Equal(200, seed.Status);
    }

    [Fact]
    public async Task Faults_post_sets_only_the_members_given_and_get_returns_them()
    {
        var (status, posted) = await _emulator.ControlAsync("POST", "faults",
            "{\"throttleRate\":0,\"maxAudienceModels\":7,\"script\":[{\"status\":429,\"errorType\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}]}");
        var (_, current) = await _emulator.ControlAsync("GET", "faults");

        Assert.Equal(200, status);
        Assert.True(JsonNode.DeepEquals(posted, current));
        Assert.Equal(7, (int)current["maxAudienceModels"]!);
        Assert.Equal(0.0, (double)current["trainingSeconds"]!);
        Assert.Equal(0, (int)current["latencyMs"]!);
        Assert.Equal("ThrottlingException", (string?)current["script"]![0]!["errorType"]);
        Assert.Equal(7, _emulator.Server.Control.Faults.MaxAudienceModels);

        var throttled = await _emulator.Client.GetAsync("/audience-model");
        Assert.Equal(429, throttled.Status);

        var (_, cleared) = await _emulator.ControlAsync("POST", "faults", "{\"maxAudienceModels\":null}");
        Assert.Null(cleared["maxAudienceModels"]);
    }

    [Theory]
    [InlineData("{\"throttleRate\":2}")]
    [InlineData("{\"latencyMs\":\"slow\"}")]
    [InlineData("{\"script\":[{\"status\":200,\"errorType\":\"X\"}]}")]
    [InlineData("{\"unknown\":1}")]
    [InlineData("not json")]
    public async Task Faults_post_refuses_invalid_settings_with_400_and_changes_nothing(string body)
    {
        var before = _emulator.Server.Control.Faults;
        var (status, json) = await _emulator.ControlAsync("POST", "faults", body);

        Assert.Equal(400, status);
        Assert.False(string.IsNullOrEmpty((string?)json["message"]));
        Assert.Equal(before, _emulator.Server.Control.Faults);
        Assert.Empty(_emulator.Server.Control.PendingFaults);
    }

    [Fact]
    public async Task An_unknown_control_path_is_404()
    {
        var (status, _) = await _emulator.ControlAsync("GET", "nothing-here");
        Assert.Equal(404, status);
    }
}
