using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Model;

namespace CleanRoomsML.Client.Tests;

/// <summary>What CreateAudienceModel puts on the wire, as the emulator received (and SigV4-verified) it.</summary>
public sealed class CreateAudienceModelWireTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public CreateAudienceModelWireTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Reset();
    }

    [Fact]
    public async Task Sends_POST_audience_model_with_every_member_as_json()
    {
        using var connection = CleanRoomsMLConnection.Open(_emulator.Settings());
        var input = new NewAudienceModel("churn-lookalike", _emulator.SeedDatasetArn)
        {
            Description = "Users like our churners",
            KmsKeyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            Tags = new Dictionary<string, string> { ["team"] = "ml", ["Team"] = "growth" },
            TrainingDataStartTime = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            TrainingDataEndTime = new DateTime(2024, 1, 31, 12, 30, 15, 500, DateTimeKind.Utc),
        };

        ResourceCreated created = await connection.CreateAudienceModelAsync(input, null, default);

        var request = _emulator.Control.LastRequest!;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/audience-model", request.RawTarget);
        Assert.Equal(200, request.Status);
        Assert.StartsWith("application/json", request.Headers["content-type"]);
        using var body = JsonDocument.Parse(request.Body);
        JsonElement root = body.RootElement;
        Assert.Equal("churn-lookalike", root.GetProperty("name").GetString());
        Assert.Equal(_emulator.SeedDatasetArn, root.GetProperty("trainingDatasetArn").GetString());
        Assert.Equal("Users like our churners", root.GetProperty("description").GetString());
        Assert.Equal(input.KmsKeyArn, root.GetProperty("kmsKeyArn").GetString());
        Assert.Equal("2024-01-01T00:00:00Z", root.GetProperty("trainingDataStartTime").GetString());
        Assert.Equal("2024-01-31T12:30:15.5Z", root.GetProperty("trainingDataEndTime").GetString());
        Assert.Equal("ml", root.GetProperty("tags").GetProperty("team").GetString());
        Assert.Equal("growth", root.GetProperty("tags").GetProperty("Team").GetString());
        Assert.Matches(@"^arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-model/[-a-zA-Z0-9_/.]+$", created.Arn);
        Assert.Equal(request.RequestId, created.RequestId);
    }

    [Fact]
    public async Task Leaves_unset_optional_members_out_of_the_body()
    {
        using var connection = CleanRoomsMLConnection.Open(_emulator.Settings());

        await connection.CreateAudienceModelAsync(new NewAudienceModel("bare", _emulator.SeedDatasetArn), null, default);

        using var body = JsonDocument.Parse(_emulator.Control.LastRequest!.Body);
        var members = new List<string>();
        foreach (JsonProperty p in body.RootElement.EnumerateObject()) members.Add(p.Name);
        Assert.Equal(new[] { "name", "trainingDatasetArn" }, members);
    }

    [Fact]
    public async Task Signs_with_SigV4_for_cleanrooms_ml_in_the_region()
    {
        using var connection = CleanRoomsMLConnection.Open(_emulator.Settings());

        await connection.CreateAudienceModelAsync(new NewAudienceModel("signed", _emulator.SeedDatasetArn), null, default);

        var request = _emulator.Control.LastRequest!;
        string authorization = request.Headers["authorization"];
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIAEMULATOR0EXAMPLE/", authorization);
        Assert.Matches(@"/\d{8}/us-east-1/cleanrooms-ml/aws4_request,", authorization);
        Assert.Contains("SignedHeaders=", authorization);
        Assert.Contains("host", authorization);
        Assert.Equal(200, request.Status); // the emulator's own verifier (written from the specification) accepted it
    }

    [Fact]
    public async Task Sends_a_session_token_signed_with_the_request()
    {
        ConnectionSettings settings = _emulator.Settings();
        using var connection = CleanRoomsMLConnection.Open(new ConnectionSettings
        {
            Region = settings.Region,
            AccessKey = settings.AccessKey,
            SecretKey = settings.SecretKey,
            SessionToken = "FQoGZXIvYXdzEXAMPLETOKEN",
            EndpointUrl = settings.EndpointUrl,
        });

        await connection.CreateAudienceModelAsync(new NewAudienceModel("with-token", _emulator.SeedDatasetArn), null, default);

        var request = _emulator.Control.LastRequest!;
        Assert.Equal("FQoGZXIvYXdzEXAMPLETOKEN", request.Headers["x-amz-security-token"]);
        Assert.Contains("x-amz-security-token", request.Headers["authorization"]);
        Assert.Equal(200, request.Status);
    }

    [Fact]
    public async Task Percent_encodes_an_ARN_path_label_and_reads_the_model_back()
    {
        using var connection = CleanRoomsMLConnection.Open(_emulator.Settings());
        var created = await connection.CreateAudienceModelAsync(
            new NewAudienceModel("read-back", _emulator.SeedDatasetArn) { Description = "line one\nline two" }, null, default);

        AudienceModelDetails model = await connection.GetAudienceModelAsync(created.Arn, null, default);

        var request = _emulator.Control.LastRequest!;
        Assert.Equal("/audience-model/" + Uri.EscapeDataString(created.Arn), request.RawTarget);
        Assert.Contains("%3A", request.RawTarget);
        Assert.Contains("%2F", request.RawTarget);
        Assert.Equal(200, request.Status);
        Assert.Equal(created.Arn, model.AudienceModelArn);
        Assert.Equal("read-back", model.Name);
        Assert.Equal("line one\nline two", model.Description);
        Assert.Equal("ACTIVE", model.Status); // the fixture's emulator trains at once
        Assert.Equal(DateTimeKind.Utc, model.CreateTime!.Value.Kind);
    }
}
