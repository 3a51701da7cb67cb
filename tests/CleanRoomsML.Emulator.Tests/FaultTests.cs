using System.Text.Json.Nodes;
using CleanRoomsML.Emulator.Control;
using CleanRoomsML.Emulator.Tests.Support;

namespace CleanRoomsML.Emulator.Tests;

/// <summary>Fault injection; each test resets the emulator first, so they do not see each other's settings.</summary>
public class FaultTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public FaultTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Server.Control.Reset();
    }

    private Task<ServiceResponse> CreateAsync(string name = "f") =>
        _emulator.Client.PostAsync("/audience-model", Bodies.AudienceModel(name, _emulator.SeedArn));

    [Fact]
    public async Task A_script_of_two_429s_answers_the_next_two_requests_then_requests_succeed()
    {
        _emulator.Server.Control.EnqueueFaults(ScriptedFault.Throttling(), ScriptedFault.Throttling("Slow down"));

        var first = await CreateAsync();
        var second = await CreateAsync();
        var third = await CreateAsync();

        Assert.Equal((429, "ThrottlingException", "Rate exceeded"), (first.Status, first.ErrorType, first.Message));
        Assert.Equal((429, "ThrottlingException", "Slow down"), (second.Status, second.ErrorType, second.Message));
        Assert.Equal(200, third.Status);
        Assert.Equal(1, _emulator.Server.Control.AudienceModelCount);
        Assert.Equal(2, _emulator.Server.Control.RejectedCounts["fault"]);
    }

    [Fact]
    public async Task A_scripted_fault_is_not_consumed_by_a_badly_signed_request()
    {
        _emulator.Server.Control.EnqueueFault(500, "InternalServiceException", "boom");

        var unsigned = await _emulator.Client.SendAsync("POST", "/audience-model", "{}", sign: false);
        var signed = await CreateAsync();

        Assert.Equal(403, unsigned.Status);
        Assert.Equal((500, "InternalServiceException", "boom"), (signed.Status, signed.ErrorType, signed.Message));
    }

    [Fact]
    public async Task The_audience_model_quota_answers_402_with_quotaName_and_quotaValue()
    {
        _emulator.Server.Control.Faults = _emulator.Server.Control.Faults with { MaxAudienceModels = 2 };

        var one = await CreateAsync("q1");
        var two = await CreateAsync("q2");
        var three = await CreateAsync("q3");

        Assert.Equal(200, one.Status);
        Assert.Equal(200, two.Status);
        Assert.Equal(402, three.Status);
        Assert.Equal("ServiceQuotaExceededException", three.ErrorType);
        Assert.Equal("Maximum number of audience models", (string?)three.Json!["quotaName"]);
        Assert.Equal(2.0, three.Json!["quotaValue"]!.GetValue<double>());
        Assert.False(string.IsNullOrEmpty(three.Message));
    }

    [Fact]
    public async Task Throttle_rate_1_throttles_every_request_and_0_none()
    {
        _emulator.Server.Control.Faults = _emulator.Server.Control.Faults with { ThrottleRate = 1 };
        var throttled = await CreateAsync();
        _emulator.Server.Control.Faults = _emulator.Server.Control.Faults with { ThrottleRate = 0 };
        var passed = await CreateAsync();

        Assert.Equal(429, throttled.Status);
        Assert.Equal("ThrottlingException", throttled.ErrorType);
        Assert.Equal(200, passed.Status);
    }

    [Fact]
    public async Task Error_rate_1_alternates_500_InternalServiceException_and_503_ServiceUnavailableException()
    {
        _emulator.Server.Control.Faults = _emulator.Server.Control.Faults with { ErrorRate = 1 };

        var answers = new List<(int, string?)>();
        for (int i = 0; i < 4; i++)
        {
            var response = await CreateAsync();
            answers.Add((response.Status, response.ErrorType));
        }

        Assert.Equal(new[]
        {
            (500, (string?)"InternalServiceException"), (503, "ServiceUnavailableException"),
            (500, "InternalServiceException"), (503, "ServiceUnavailableException"),
        }, answers);
    }

    [Fact]
    public async Task Random_faults_with_the_same_seed_repeat_after_a_reset()
    {
        var control = _emulator.Server.Control;
        async Task<string> RunAsync()
        {
            control.Reset();
            control.Faults = control.Faults with { ThrottleRate = 0.5 };
            var statuses = new List<int>();
            for (int i = 0; i < 12; i++) statuses.Add((await _emulator.Client.GetAsync("/audience-model")).Status);
            return string.Join(",", statuses);
        }

        string first = await RunAsync();
        string second = await RunAsync();

        Assert.Equal(first, second);
        Assert.Contains("429", first);
        Assert.Contains("200", first);
    }

    [Fact]
    public async Task Latency_delays_each_service_request()
    {
        _emulator.Server.Control.Faults = _emulator.Server.Control.Faults with { LatencyMs = 300 };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await _emulator.Client.GetAsync("/audience-model");
        watch.Stop();

        Assert.Equal(200, response.Status);
        Assert.True(watch.ElapsedMilliseconds >= 290, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Training_seconds_changed_at_run_time_apply_to_models_created_afterwards()
    {
        _emulator.Server.Control.Faults = _emulator.Server.Control.Faults with { TrainingSeconds = 60 };
        string arn = (await CreateAsync()).String("audienceModelArn");

        var status = (string?)(await _emulator.Client.GetAsync("/audience-model/" + EmulatorClient.Encode(arn))).Json!["status"];

        Assert.Equal("CREATE_PENDING", status);
    }
}
