using System;
using System.Net;
using System.Threading.Tasks;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Model;
using CleanRoomsML.Client.Runtime.Errors;
using CleanRoomsML.Emulator;
using CleanRoomsML.Emulator.Control;

namespace CleanRoomsML.Client.Tests;

/// <summary>Each error shape of the model arrives as its typed exception, with code, message, status and request id.</summary>
public sealed class ServiceErrorTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public ServiceErrorTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Reset();
    }

    public static TheoryData<int, string, Type> ErrorShapes => new()
    {
        { 400, "ValidationException", typeof(ValidationException) },
        { 402, "ServiceQuotaExceededException", typeof(ServiceQuotaExceededException) },
        { 403, "AccessDeniedException", typeof(AccessDeniedException) },
        { 404, "ResourceNotFoundException", typeof(ResourceNotFoundException) },
        { 409, "ConflictException", typeof(ConflictException) },
    };

    [Theory]
    [MemberData(nameof(ErrorShapes))]
    public async Task Maps_each_error_shape_to_its_typed_exception(int status, string errorType, Type expected)
    {
        using var client = Clients.Sdk(_emulator);
        _emulator.Control.EnqueueFault(status, errorType, $"canned {errorType}");

        var e = await Assert.ThrowsAnyAsync<CleanRoomsMLException>(() =>
            client.CreateAudienceModelAsync(new NewAudienceModel("m", _emulator.SeedDatasetArn)));

        Assert.IsType(expected, e);
        Assert.Equal(errorType, e.ErrorCode);
        Assert.Equal($"canned {errorType}", e.Message);
        Assert.Equal((HttpStatusCode)status, e.StatusCode);
        Assert.Equal(_emulator.Control.LastRequest!.RequestId, e.RequestId);
        Assert.Equal(1, _emulator.Control.RequestCount("CreateAudienceModel")); // client errors are not retried
    }

    [Fact]
    public async Task Maps_throttling_and_internal_errors_after_the_retries()
    {
        using var client = Clients.Sdk(_emulator);
        _emulator.Control.EnqueueFaults(ScriptedFault.Throttling(), ScriptedFault.Throttling(), ScriptedFault.Throttling());
        await Assert.ThrowsAsync<ThrottlingException>(() => client.CreateAudienceModelAsync(new NewAudienceModel("t", _emulator.SeedDatasetArn)));

        _emulator.Control.EnqueueFaults(ScriptedFault.InternalError(), ScriptedFault.InternalError(), ScriptedFault.InternalError());
        var e = await Assert.ThrowsAsync<InternalServiceException>(() => client.CreateAudienceModelAsync(new NewAudienceModel("i", _emulator.SeedDatasetArn)));
        Assert.Equal(HttpStatusCode.InternalServerError, e.StatusCode);
    }

    [Fact]
    public async Task Reads_quota_name_and_value_from_a_402()
    {
        _emulator.Control.Faults = _emulator.Control.Faults with { MaxAudienceModels = 0 };
        using var client = Clients.Sdk(_emulator);

        var e = await Assert.ThrowsAsync<ServiceQuotaExceededException>(() =>
            client.CreateAudienceModelAsync(new NewAudienceModel("over-quota", _emulator.SeedDatasetArn)));

        Assert.False(string.IsNullOrEmpty(e.QuotaName));
        Assert.Equal(0, e.QuotaValue);
    }

    [Fact]
    public async Task Reports_an_unknown_training_dataset_as_not_found_from_the_real_service_logic()
    {
        using var connection = CleanRoomsMLConnection.Open(_emulator.Settings());
        string missing = "arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/does-not-exist";

        var e = await Assert.ThrowsAsync<CleanRoomsMLRequestException>(() =>
            connection.CreateAudienceModelAsync(new NewAudienceModel("orphan", missing), null, default));

        Assert.Equal("ResourceNotFoundException", e.ErrorCode);
        Assert.Equal(404, e.StatusCode);
        Assert.False(string.IsNullOrEmpty(e.RequestId));
        Assert.Matches(@"^ResourceNotFoundException: .+ \[HTTP 404, request id [-0-9a-f]+\]$", e.Describe());
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_by_the_signature_check_and_never_shown()
    {
        const string wrongSecret = "not-the-right-secret-0000000000000000000";
        using var connection = CleanRoomsMLConnection.Open(_emulator.Settings(secretKey: wrongSecret));

        var e = await Assert.ThrowsAsync<CleanRoomsMLRequestException>(() =>
            connection.CreateAudienceModelAsync(new NewAudienceModel("forged", _emulator.SeedDatasetArn), null, default));

        Assert.Equal("InvalidSignatureException", e.ErrorCode);
        Assert.Equal(403, e.StatusCode);
        Assert.DoesNotContain(wrongSecret, e.Describe());
        Assert.DoesNotContain(EmulatorDefaults.SecretKey, e.Describe());
    }
}
