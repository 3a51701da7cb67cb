using System.Text.Json.Nodes;
using CleanRoomsML.Emulator.Tests.Support;

namespace CleanRoomsML.Emulator.Tests;

public class TagTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public TagTests(EmulatorFixture emulator) => _emulator = emulator;

    private async Task<string> NewModelAsync(JsonObject? tags = null) =>
        await _emulator.Client.CreateAudienceModelAsync("tagged", _emulator.SeedArn, tags is null ? null : new JsonObject { ["tags"] = tags });

    private static JsonObject ManyTags(int count, string prefix = "k")
    {
        var tags = new JsonObject();
        for (int i = 0; i < count; i++) tags[$"{prefix}{i}"] = "v";
        return tags;
    }

    [Fact]
    public async Task Tag_list_and_untag_with_repeated_tagKeys_round_trip()
    {
        var client = _emulator.Client;
        string arn = await NewModelAsync(new JsonObject { ["a"] = "1" });
        string path = "/tags/" + EmulatorClient.Encode(arn);

        var tagged = await client.PostAsync(path, new JsonObject { ["tags"] = new JsonObject { ["b"] = "2", ["c d"] = "3", ["a"] = "overwritten" } });
        var listed = await client.GetAsync(path);
        var untagged = await client.DeleteAsync(path + "?tagKeys=a&tagKeys=c%20d&tagKeys=not-there");
        var after = await client.GetAsync(path);

        Assert.Equal(200, tagged.Status);
        Assert.Equal("{}", tagged.RawBody);
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["a"] = "overwritten", ["b"] = "2", ["c d"] = "3" }, listed.Json!["tags"]), listed.RawBody);
        Assert.Equal(200, untagged.Status);
        Assert.Equal("{}", untagged.RawBody);
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["b"] = "2" }, after.Json!["tags"]), after.RawBody);
    }

    [Fact]
    public async Task A_resource_without_tags_lists_an_empty_map()
    {
        string arn = await NewModelAsync();
        var listed = await _emulator.Client.GetAsync("/tags/" + EmulatorClient.Encode(arn));
        Assert.Equal("{\"tags\":{}}", listed.RawBody);
    }

    [Fact]
    public async Task Training_datasets_are_taggable_too()
    {
        var client = _emulator.Client;
        string arn = await client.CreateTrainingDatasetAsync("tag-me");
        await client.PostAsync("/tags/" + EmulatorClient.Encode(arn), new JsonObject { ["tags"] = new JsonObject { ["x"] = "y" } });

        var get = await client.GetAsync("/training-dataset/" + EmulatorClient.Encode(arn));

        Assert.Equal("y", (string?)get.Json!["tags"]!["x"]);
    }

    [Fact]
    public async Task Tags_beyond_50_on_a_resource_counting_existing_ones_are_ValidationException()
    {
        var client = _emulator.Client;
        string arn = await NewModelAsync(ManyTags(30, "old"));

        var tooMany = await client.PostAsync("/tags/" + EmulatorClient.Encode(arn), new JsonObject { ["tags"] = ManyTags(21, "new") });
        var exactly50 = await client.PostAsync("/tags/" + EmulatorClient.Encode(arn), new JsonObject { ["tags"] = ManyTags(20, "new") });

        Assert.Equal(400, tooMany.Status);
        Assert.Equal("ValidationException", tooMany.ErrorType);
        Assert.Contains("50", tooMany.Message);
        Assert.Equal(200, exactly50.Status);
    }

    [Fact]
    public async Task Create_with_51_tags_is_ValidationException()
    {
        var response = await _emulator.Client.PostAsync("/audience-model",
            Bodies.AudienceModel("m", _emulator.SeedArn, new JsonObject { ["tags"] = ManyTags(51) }));
        Assert.Equal(400, response.Status);
        Assert.Equal("ValidationException", response.ErrorType);
    }

    [Theory]
    [InlineData("aws:owner")]
    [InlineData("AWS:Owner")]
    public async Task Keys_with_the_aws_prefix_cannot_be_tagged_or_untagged(string key)
    {
        var client = _emulator.Client;
        string arn = await NewModelAsync();
        string path = "/tags/" + EmulatorClient.Encode(arn);

        var tag = await client.PostAsync(path, new JsonObject { ["tags"] = new JsonObject { [key] = "x" } });
        var untag = await client.DeleteAsync(path + "?tagKeys=" + Uri.EscapeDataString(key));

        Assert.Equal("ValidationException", tag.ErrorType);
        Assert.Equal("ValidationException", untag.ErrorType);
    }

    [Fact]
    public async Task Untag_without_tagKeys_is_ValidationException()
    {
        string arn = await NewModelAsync();
        var response = await _emulator.Client.DeleteAsync("/tags/" + EmulatorClient.Encode(arn));
        Assert.Equal(400, response.Status);
        Assert.Contains("Value null at 'tagKeys' failed to satisfy constraint: Member must not be null", response.Message);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public async Task Tag_operations_on_an_unknown_resource_are_ResourceNotFoundException(string method)
    {
        string path = "/tags/" + EmulatorClient.Encode("arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/none");
        var response = method switch
        {
            "POST" => await _emulator.Client.PostAsync(path, new JsonObject { ["tags"] = new JsonObject { ["a"] = "b" } }),
            "DELETE" => await _emulator.Client.DeleteAsync(path + "?tagKeys=a"),
            _ => await _emulator.Client.GetAsync(path),
        };
        Assert.Equal(404, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task Tags_of_a_deleted_model_are_gone()
    {
        var client = _emulator.Client;
        string arn = await NewModelAsync(new JsonObject { ["a"] = "b" });
        await client.DeleteAsync("/audience-model/" + EmulatorClient.Encode(arn));

        var listed = await client.GetAsync("/tags/" + EmulatorClient.Encode(arn));

        Assert.Equal(404, listed.Status);
    }
}
