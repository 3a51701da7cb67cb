using System.Collections.Generic;
using System.Threading.Tasks;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Model;
using CleanRoomsML.Client.Runtime.Errors;
using CleanRoomsML.Emulator.Control;

namespace CleanRoomsML.Client.Tests;

/// <summary>Retries come from the SDK's Standard mode; the emulator's request log counts the attempts.</summary>
public sealed class RetryTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public RetryTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Reset();
    }

    private int Attempts => _emulator.Control.RequestCount("CreateAudienceModel");

    [Fact]
    public async Task Retries_two_throttles_and_succeeds_on_the_third_attempt()
    {
        using var client = Clients.Sdk(_emulator);
        _emulator.Control.EnqueueFaults(ScriptedFault.Throttling(), ScriptedFault.Throttling());

        var created = await client.CreateAudienceModelAsync(new NewAudienceModel("patient", _emulator.SeedDatasetArn));

        Assert.NotEmpty(created.Arn);
        Assert.Equal(3, Attempts);
    }

    [Fact]
    public async Task Gives_up_on_503_after_three_attempts()
    {
        using var client = Clients.Sdk(_emulator);
        _emulator.Control.EnqueueFaults(ScriptedFault.Unavailable(), ScriptedFault.Unavailable(), ScriptedFault.Unavailable(), ScriptedFault.Unavailable());

        var e = await Assert.ThrowsAnyAsync<CleanRoomsMLException>(() => client.CreateAudienceModelAsync(new NewAudienceModel("x", _emulator.SeedDatasetArn)));

        Assert.Equal(503, (int)e.StatusCode);
        Assert.Equal(3, Attempts);
    }

    [Fact]
    public async Task Does_not_retry_a_400()
    {
        using var client = Clients.Sdk(_emulator);
        _emulator.Control.EnqueueFault(400, "ValidationException", "bad");

        await Assert.ThrowsAsync<ValidationException>(() => client.CreateAudienceModelAsync(new NewAudienceModel("x", _emulator.SeedDatasetArn)));

        Assert.Equal(1, Attempts);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("5", 5)]
    public async Task Honours_AWS_MAX_ATTEMPTS(string maxAttempts, int expected)
    {
        using var env = new EnvironmentScope(("AWS_MAX_ATTEMPTS", maxAttempts));
        using var connection = CleanRoomsMLConnection.Open(_emulator.Settings());
        var faults = new List<ScriptedFault>();
        for (int i = 0; i < 6; i++) faults.Add(ScriptedFault.InternalError());
        _emulator.Control.EnqueueFaults(faults.ToArray());

        var e = await Assert.ThrowsAsync<CleanRoomsMLRequestException>(() =>
            connection.CreateAudienceModelAsync(new NewAudienceModel("x", _emulator.SeedDatasetArn), null, default));

        Assert.Equal("InternalServiceException", e.ErrorCode);
        Assert.Equal(expected, Attempts);
    }

    [Fact]
    public async Task Tells_the_observer_about_every_attempt_and_failure()
    {
        using var connection = CleanRoomsMLConnection.Open(_emulator.Settings());
        _emulator.Control.EnqueueFaults(ScriptedFault.Throttling("slow down"));
        var observer = new RecordingObserver();

        await connection.CreateAudienceModelAsync(new NewAudienceModel("observed", _emulator.SeedDatasetArn), observer, default);

        Assert.Equal(2, observer.Started.Count);
        string expected = "POST " + _emulator.Server.Url.ToString().TrimEnd('/') + "/audience-model";
        Assert.All(observer.Started, started => Assert.Equal(expected, started));
        Assert.Single(observer.Failures);
        Assert.Contains("429 ThrottlingException: slow down", observer.Failures[0]);
    }

    [Fact]
    public async Task Reports_the_url_with_its_ARN_label_filled_in()
    {
        using var connection = CleanRoomsMLConnection.Open(_emulator.Settings());
        var created = await connection.CreateAudienceModelAsync(new NewAudienceModel("reported", _emulator.SeedDatasetArn), null, default);
        var observer = new RecordingObserver();

        await connection.GetAudienceModelAsync(created.Arn, observer, default);

        string started = Assert.Single(observer.Started);
        Assert.Equal("GET " + _emulator.Server.Url.ToString().TrimEnd('/') + "/audience-model/" + System.Uri.EscapeDataString(created.Arn), started);
    }

    private sealed class RecordingObserver : IAttemptObserver
    {
        public List<string> Started { get; } = new();

        public List<string> Failures { get; } = new();

        public void AttemptStarting(int attempt, string method, string url) { lock (Started) Started.Add($"{method} {url}"); }

        public void AttemptFailed(int attempt, string reason) { lock (Failures) Failures.Add(reason); }
    }
}
