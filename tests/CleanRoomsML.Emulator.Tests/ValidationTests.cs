using System.Text.Json.Nodes;
using CleanRoomsML.Emulator.Tests.Support;

namespace CleanRoomsML.Emulator.Tests;

/// <summary>Each input rule of SPEC.md answered as 400 ValidationException in the service's wording.</summary>
public class ValidationTests : IClassFixture<EmulatorFixture>
{
    private const string Seed = "arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/demo-interactions";
    private readonly EmulatorFixture _emulator;

    public ValidationTests(EmulatorFixture emulator) => _emulator = emulator;

    private async Task AssertInvalidAsync(string path, JsonObject body, string expectedMessagePart)
    {
        int before = _emulator.Server.Control.AudienceModelCount;
        var response = await _emulator.Client.PostAsync(path, body);

        Assert.Equal(400, response.Status);
        Assert.Equal("ValidationException", response.ErrorType);
        Assert.StartsWith("1 validation error detected: ", response.Message);
        Assert.Contains(expectedMessagePart, response.Message);
        Assert.Equal(before, _emulator.Server.Control.AudienceModelCount);
    }

    public static TheoryData<string, string, string> InvalidAudienceModelMembers() => new()
    {
        // member, JSON value ("null" removes it), expected part of the message
        { "name", "null", "Value null at 'name' failed to satisfy constraint: Member must not be null" },
        { "name", "\"\"", "Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1" },
        { "name", "\"" + new string('n', 64) + "\"", "at 'name' failed to satisfy constraint: Member must have length less than or equal to 63" },
        { "name", "\"   \"", "Value '   ' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!\\s*$)" },
        { "name", "\"line\\nbreak\"", "at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern" },
        { "name", "42", "Value '42' at 'name' failed to satisfy constraint: Member must be a string" },
        { "trainingDatasetArn", "null", "Value null at 'trainingDatasetArn' failed to satisfy constraint: Member must not be null" },
        { "trainingDatasetArn", "\"arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-model/x\"", "at 'trainingDatasetArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws[-a-z]*:cleanrooms-ml:" },
        { "trainingDatasetArn", "\"arn:short\"", "at 'trainingDatasetArn' failed to satisfy constraint: Member must have length greater than or equal to 20" },
        { "kmsKeyArn", "\"arn:aws:kms:us-east-1:123:key/abc\"", "at 'kmsKeyArn' failed to satisfy constraint: Member must satisfy regular expression pattern" },
        { "description", "\"" + new string('d', 256) + "\"", "at 'description' failed to satisfy constraint: Member must have length less than or equal to 255" },
        { "trainingDataStartTime", "\"2024-01-01\"", "Value '2024-01-01' at 'trainingDataStartTime' failed to satisfy constraint: Member must be a timestamp" },
        { "trainingDataEndTime", "\"2024-02-30T00:00:00Z\"", "at 'trainingDataEndTime' failed to satisfy constraint: Member must be a timestamp" },
        { "trainingDataEndTime", "1704067200", "at 'trainingDataEndTime' failed to satisfy constraint: Member must be a timestamp" },
        { "tags", "{\"\":\"v\"}", "Value at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length greater than or equal to 1]" },
        { "tags", "{\"k\":\"" + new string('v', 257) + "\"}", "Map values must satisfy constraint: [Member must have length less than or equal to 256]" },
        { "tags", "{\"k\":1}", "Value at 'tags' failed to satisfy constraint: Map value of key 'k' must be a string" },
        { "tags", "[]", "Value at 'tags' failed to satisfy constraint: Member must be a map" },
    };

    [Theory]
    [MemberData(nameof(InvalidAudienceModelMembers))]
    public async Task CreateAudienceModel_rejects_an_invalid_member(string member, string json, string expected)
    {
        var body = Bodies.AudienceModel("valid-name", Seed);
        if (json == "null") body.Remove(member);
        else body[member] = JsonNode.Parse(json);

        await AssertInvalidAsync("/audience-model", body, expected);
    }

    [Fact]
    public async Task Tag_keys_are_measured_in_unicode_scalar_values_not_utf16_units()
    {
        // 128 emoji: 256 UTF-16 units but 128 characters, the maximum. Tag keys have no pattern.
        string key = string.Concat(Enumerable.Repeat("\U0001F600", 128));
        var accepted = await _emulator.Client.PostAsync("/audience-model",
            Bodies.AudienceModel("emoji-tags", Seed, new JsonObject { ["tags"] = new JsonObject { [key] = "v" } }));
        var refused = await _emulator.Client.PostAsync("/audience-model",
            Bodies.AudienceModel("emoji-tags", Seed, new JsonObject { ["tags"] = new JsonObject { [key + "x"] = "v" } }));

        Assert.Equal(200, accepted.Status);
        Assert.Equal(400, refused.Status);
        Assert.Contains("Member must have length less than or equal to 128", refused.Message);
    }

    [Fact]
    public async Task Descriptions_count_a_surrogate_pair_as_one_character()
    {
        // 255 emoji are 510 UTF-16 units but 255 scalar values. The model's pattern rejects astral characters
        // (SPEC.md §3), so the answer is a pattern error, never a length error.
        var response = await _emulator.Client.PostAsync("/audience-model",
            Bodies.AudienceModel("emoji", Seed, new JsonObject { ["description"] = string.Concat(Enumerable.Repeat("\U0001F600", 255)) }));

        Assert.Equal(400, response.Status);
        Assert.Contains("regular expression pattern", response.Message);
        Assert.DoesNotContain("length", response.Message);
    }

    [Fact]
    public async Task Every_error_of_a_request_is_listed_with_the_count()
    {
        var response = await _emulator.Client.PostAsync("/audience-model", new JsonObject { ["description"] = new string('d', 300) });

        Assert.Equal(400, response.Status);
        Assert.StartsWith("3 validation errors detected: ", response.Message);
        Assert.Contains("'name'", response.Message);
        Assert.Contains("'trainingDatasetArn'", response.Message);
        Assert.Contains("'description'", response.Message);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public async Task A_body_that_is_not_a_json_object_is_SerializationException(string body)
    {
        var response = await _emulator.Client.SendAsync("POST", "/audience-model", body);
        Assert.Equal(400, response.Status);
        Assert.Equal("SerializationException", response.ErrorType);
    }

    public static TheoryData<string, string> InvalidTrainingDatasets() => new()
    {
        { "{\"roleArn\":null}", "Value null at 'roleArn' failed to satisfy constraint: Member must not be null" },
        { "{\"roleArn\":\"arn:aws:iam::123:role/x\"}", "at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern" },
        { "{\"trainingData\":[]}", "at 'trainingData' failed to satisfy constraint: Member must have length greater than or equal to 1" },
        { "{\"trainingData\":[{},{}]}", "at 'trainingData' failed to satisfy constraint: Member must have length less than or equal to 1" },
        { "{\"trainingData\":[\"x\"]}", "at 'trainingData.1.member' failed to satisfy constraint: Member must be a structure" },
        { "DATASET_TYPE", "Value 'CLICKS' at 'trainingData.1.member.type' failed to satisfy constraint: Member must satisfy enum value set: [INTERACTIONS]" },
        { "COLUMN_TYPE", "Value 'EMAIL' at 'trainingData.1.member.inputConfig.schema.1.member.columnTypes.1.member' failed to satisfy constraint: Member must satisfy enum value set: [USER_ID, ITEM_ID, TIMESTAMP, CATEGORICAL_FEATURE, NUMERICAL_FEATURE]" },
        { "TABLE", "Value 'bad--name' at 'trainingData.1.member.inputConfig.dataSource.glueDataSource.tableName' failed to satisfy constraint: Member must satisfy regular expression pattern" },
        { "{\"tags\":{\"aws:reserved\":\"x\"}}", "Value at 'tags' failed to satisfy constraint: The tag key 'aws:reserved' begins with 'aws:'" },
    };

    [Theory]
    [MemberData(nameof(InvalidTrainingDatasets))]
    public async Task CreateTrainingDataset_rejects_an_invalid_member(string change, string expected)
    {
        var body = change switch
        {
            "DATASET_TYPE" => Bodies.TrainingDataset("ds", new JsonObject { ["trainingData"] = new JsonArray(Bodies.Dataset(type: "CLICKS")) }),
            "COLUMN_TYPE" => Bodies.TrainingDataset("ds", new JsonObject { ["trainingData"] = new JsonArray(Bodies.Dataset(columnType: "EMAIL")) }),
            "TABLE" => Bodies.TrainingDataset("ds", new JsonObject { ["trainingData"] = new JsonArray(Bodies.Dataset(table: "bad--name")) }),
            _ => Bodies.TrainingDataset("ds", JsonNode.Parse(change)!.AsObject()),
        };
        await AssertInvalidAsync("/training-dataset", body, expected);
    }

    [Theory]
    [InlineData("/audience-model/", "audienceModelArn", "Member must have length greater than or equal to 20")]
    [InlineData("/audience-model/arn%3Aaws%3Acleanrooms-ml%3Aus-east-1%3A123456789012%3Atraining-dataset%2Fabc", "audienceModelArn", "Member must satisfy regular expression pattern")]
    [InlineData("/training-dataset/arn%3Aaws%3Acleanrooms-ml%3Aus-east-1%3A1234%3Atraining-dataset%2Fabc", "trainingDatasetArn", "Member must satisfy regular expression pattern")]
    [InlineData("/tags/arn%3Aaws%3Acleanrooms-ml%3Aus-east-1%3A123456789012%3Amodel%2Fabc", "resourceArn", "Member must satisfy regular expression pattern")]
    public async Task An_invalid_arn_label_is_ValidationException_naming_the_label(string path, string label, string expected)
    {
        var response = await _emulator.Client.GetAsync(path);

        Assert.Equal(400, response.Status);
        Assert.Equal("ValidationException", response.ErrorType);
        Assert.Contains($"at '{label}' failed to satisfy constraint: {expected}", response.Message);
    }

    [Fact]
    public async Task The_decoded_label_is_echoed_in_the_message()
    {
        var response = await _emulator.Client.GetAsync("/audience-model/arn%3Aaws%3Acleanrooms-ml%3Aus-east-1%3A123456789012%3Atraining-dataset%2Fabc");
        Assert.Contains("Value 'arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/abc' at 'audienceModelArn'", response.Message);
    }
}
