using System.Text.Json.Nodes;
using CleanRoomsML.Emulator.Tests.Support;

namespace CleanRoomsML.Emulator.Tests;

/// <summary>The running server refuses badly signed requests with 403 and AWS's error types, and runs nothing.</summary>
public class SignatureRejectionTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public SignatureRejectionTests(EmulatorFixture emulator) => _emulator = emulator;

    private async Task<ServiceResponse> CreateWithAsync(EmulatorClient client, string? sentBody = null, bool sign = true)
    {
        int before = _emulator.Server.Control.AudienceModelCount;
        string body = Bodies.AudienceModel("sig", _emulator.SeedArn).ToJsonString();
        var response = await client.SendAsync("POST", "/audience-model", body, sentBody, sign);
        if (response.Status != 200) Assert.Equal(before, _emulator.Server.Control.AudienceModelCount);
        return response;
    }

    [Fact]
    public async Task A_correctly_signed_request_with_content_sha256_and_a_session_token_is_accepted()
    {
        var client = new EmulatorClient(_emulator.Server.Url) { IncludeContentSha256 = true, SessionToken = "any-session-token" };
        var response = await CreateWithAsync(client);
        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task A_wrong_secret_is_InvalidSignatureException()
    {
        var response = await CreateWithAsync(new EmulatorClient(_emulator.Server.Url) { SecretKey = "wrong" });

        Assert.Equal(403, response.Status);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.StartsWith("The request signature we calculated does not match the signature you provided.", response.Message);
        Assert.DoesNotContain(EmulatorDefaults.SecretKey, response.RawBody);
    }

    [Fact]
    public async Task An_unknown_access_key_is_UnrecognizedClientException()
    {
        var response = await CreateWithAsync(new EmulatorClient(_emulator.Server.Url) { AccessKey = "AKIAUNKNOWN000000000" });

        Assert.Equal(403, response.Status);
        Assert.Equal("UnrecognizedClientException", response.ErrorType);
        Assert.Equal("The security token included in the request is invalid.", response.Message);
    }

    [Fact]
    public async Task A_date_20_minutes_old_is_refused_as_expired()
    {
        var response = await CreateWithAsync(new EmulatorClient(_emulator.Server.Url) { SigningTime = DateTime.UtcNow.AddMinutes(-20) });

        Assert.Equal(403, response.Status);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.StartsWith("Signature expired:", response.Message);
    }

    [Fact]
    public async Task A_date_20_minutes_ahead_is_refused()
    {
        var response = await CreateWithAsync(new EmulatorClient(_emulator.Server.Url) { SigningTime = DateTime.UtcNow.AddMinutes(20) });
        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.StartsWith("Signature not yet current:", response.Message);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_InvalidSignatureException()
    {
        string tampered = Bodies.AudienceModel("tampered", _emulator.SeedArn).ToJsonString();
        var response = await CreateWithAsync(_emulator.Client, sentBody: tampered);

        Assert.Equal(403, response.Status);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
    }

    [Fact]
    public async Task A_body_that_does_not_match_its_declared_content_sha256_is_refused()
    {
        string tampered = Bodies.AudienceModel("tampered", _emulator.SeedArn).ToJsonString();
        var response = await CreateWithAsync(new EmulatorClient(_emulator.Server.Url) { IncludeContentSha256 = true }, sentBody: tampered);

        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.Contains("x-amz-content-sha256", response.Message);
    }

    [Fact]
    public async Task No_authorization_is_MissingAuthenticationTokenException()
    {
        var response = await CreateWithAsync(_emulator.Client, sign: false);
        Assert.Equal(403, response.Status);
        Assert.Equal("MissingAuthenticationTokenException", response.ErrorType);
    }

    [Fact]
    public async Task A_scope_for_another_service_is_refused()
    {
        var response = await CreateWithAsync(new EmulatorClient(_emulator.Server.Url) { Service = "cleanrooms" });
        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.Equal("Credential should be scoped to correct service: 'cleanrooms-ml'.", response.Message);
    }

    [Fact]
    public async Task Signature_failures_are_counted_as_rejected_signature_and_as_attempts_of_the_operation()
    {
        var control = _emulator.Server.Control;
        int rejectedBefore = control.RejectedCounts.GetValueOrDefault("signature");
        int attemptsBefore = control.RequestCount("GetAudienceModel");

        await new EmulatorClient(_emulator.Server.Url) { SecretKey = "wrong" }
            .GetAsync("/audience-model/" + EmulatorClient.Encode("arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-model/x"));

        Assert.True(control.RejectedCounts.GetValueOrDefault("signature") > rejectedBefore);
        Assert.True(control.RequestCount("GetAudienceModel") > attemptsBefore);
    }

    [Fact]
    public async Task Unknown_routes_are_404_UnknownOperationException_when_signed()
    {
        var response = await _emulator.Client.PostAsync("/configured-audience-model", new JsonObject());
        Assert.Equal(404, response.Status);
        Assert.Equal("UnknownOperationException", response.ErrorType);
    }
}
