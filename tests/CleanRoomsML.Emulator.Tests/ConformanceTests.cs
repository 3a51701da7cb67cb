using System.Text.Json.Nodes;
using CleanRoomsML.Emulator.Tests.Support;

namespace CleanRoomsML.Emulator.Tests;

/// <summary>
/// Clients nobody here wrote, boto3 and the AWS CLI v1, driven against the emulator. They skip, saying why,
/// where python3/boto3 or the aws command is missing.
/// </summary>
public class ConformanceTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public ConformanceTests(EmulatorFixture emulator) => _emulator = emulator;

    [SkippableFact]
    public async Task Boto3_completes_the_audience_model_lifecycle_and_a_wrong_secret_is_refused()
    {
        string? missing = ExternalClient.Unavailable("python3", "-c", "import boto3");
        Skip.If(missing is not null, $"boto3 conformance needs python3 with boto3: {missing}");
        string region = EmulatorClient.UniqueRegion();
        int before = _emulator.Server.Control.RequestCount("ListAudienceModels");

        using var external = new ExternalClient();
        var result = await external.RunAsync("python3", new[]
        {
            ExternalClient.ConformanceScript("boto3_lifecycle.py"),
            "--endpoint", _emulator.Server.Url.ToString(), "--region", region,
            "--access-key", EmulatorDefaults.AccessKey, "--secret-key", EmulatorDefaults.SecretKey,
        }, region, TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("PASS", result.Output.Trim());
        // The paginator really paged through this emulator (3 pages), and the wrong-secret call reached it.
        Assert.True(_emulator.Server.Control.RequestCount("ListAudienceModels") - before >= 4);
        Assert.True(_emulator.Server.Control.RejectedCounts.GetValueOrDefault("signature") >= 1);
    }

    [SkippableFact]
    public async Task The_aws_cli_creates_gets_lists_and_deletes_an_audience_model()
    {
        string? missing = ExternalClient.Unavailable("aws", "--version");
        Skip.If(missing is not null, $"the AWS CLI is not available: {missing}");
        using var external = new ExternalClient();
        string endpoint = _emulator.Server.Url.ToString();

        async Task<JsonNode?> AwsAsync(params string[] args)
        {
            var result = await external.RunAsync("aws",
                new[] { "cleanroomsml" }.Concat(args).Concat(new[] { "--endpoint-url", endpoint, "--output", "json" }),
                EmulatorDefaults.Region, TimeSpan.FromSeconds(60));
            Assert.True(result.ExitCode == 0, result.ToString());
            return result.Output.Trim().Length == 0 ? null : JsonNode.Parse(result.Output);
        }

        var created = await AwsAsync("create-audience-model", "--name", "from-the-cli", "--training-dataset-arn", _emulator.SeedArn,
            "--training-data-start-time", "2024-01-01T00:00:00Z", "--tags", "team=cli");
        string arn = (string)created!["audienceModelArn"]!;
        var got = await AwsAsync("get-audience-model", "--audience-model-arn", arn);
        var listed = await AwsAsync("list-audience-models");
        await AwsAsync("delete-audience-model", "--audience-model-arn", arn);

        Assert.Equal("from-the-cli", (string?)got!["name"]);
        Assert.Equal("cli", (string?)got["tags"]!["team"]);
        Assert.Contains(listed!["audienceModels"]!.AsArray(), m => (string?)m!["audienceModelArn"] == arn);
        var afterDelete = await _emulator.Client.GetAsync("/audience-model/" + EmulatorClient.Encode(arn));
        Assert.Equal(404, afterDelete.Status);
    }
}
