using System.Net.Http;
using System.Text.Json.Nodes;
using CleanRoomsML.Emulator.Control;
using CleanRoomsML.Emulator.Tests.Support;

namespace CleanRoomsML.Emulator.Tests;

/// <summary>
/// The quota "Pending or in-progress audience models per customer": at most N models (2 by default) in
/// CREATE_PENDING or CREATE_IN_PROGRESS per region. Training takes 300 s here, so a model stays in training
/// unless a test shortens its training time; each test works in a region of its own and starts from a reset.
/// </summary>
public class PendingQuotaTests : IClassFixture<LongTrainingEmulatorFixture>
{
    private const string QuotaName = "Pending or in-progress audience models per customer";
    private static readonly HttpClient Http = new();
    private readonly LongTrainingEmulatorFixture _emulator;

    public PendingQuotaTests(LongTrainingEmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Server.Control.Reset();
    }

    private EmulatorControl Control => _emulator.Server.Control;

    private static string ExpectedMessage(int quota, string region) =>
        $"You have reached the quota of {quota} pending or in-progress audience models in {region}. "
        + "Wait until a model finishes training, or request a quota increase.";

    /// <summary>A client for a region no other test uses, and a training dataset there.</summary>
    private async Task<(EmulatorClient Client, string Region, string Dataset)> NewRegionAsync(string datasetName = "quota")
    {
        string region = EmulatorClient.UniqueRegion();
        var client = _emulator.Client.ForRegion(region);
        return (client, region, await client.CreateTrainingDatasetAsync(datasetName));
    }

    private static Task<ServiceResponse> TryCreateAsync(EmulatorClient client, string name, string dataset) =>
        client.PostAsync("/audience-model", Bodies.AudienceModel(name, dataset));

    private static async Task<string> StatusAsync(EmulatorClient client, string arn) =>
        (string)(await client.GetAsync("/audience-model/" + EmulatorClient.Encode(arn))).Json!["status"]!;

    /// <summary>Polls until the model leaves training; the deadline is generous, only a hang reaches it.</summary>
    private static async Task<string> FinalStatusAsync(EmulatorClient client, string arn)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string status = await StatusAsync(client, arn);
        while (status is "CREATE_PENDING" or "CREATE_IN_PROGRESS" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            status = await StatusAsync(client, arn);
        }
        return status;
    }

    [Fact]
    public void The_default_is_2_as_the_real_service()
    {
        Assert.Equal(2, EmulatorDefaults.MaxPendingAudienceModels);
        Assert.Equal(2, new EmulatorOptions().MaxPendingAudienceModels);
        Assert.Equal(2, EmulatorOptions.Parse(Array.Empty<string>()).MaxPendingAudienceModels);
        Assert.Equal(2, FaultSettings.From(new EmulatorOptions()).MaxPendingAudienceModels);
        Assert.Equal(2, Control.Faults.MaxPendingAudienceModels);
    }

    [Fact]
    public async Task A_third_create_while_two_train_answers_402_ServiceQuotaExceededException_with_quotaName_and_quotaValue()
    {
        var (client, region, dataset) = await NewRegionAsync();
        await client.CreateAudienceModelAsync("first", dataset);
        await client.CreateAudienceModelAsync("second", dataset);

        var third = await TryCreateAsync(client, "third", dataset);

        Assert.Equal(402, third.Status);
        Assert.Equal("ServiceQuotaExceededException", third.ErrorType);
        Assert.Equal(QuotaName, (string?)third.Json!["quotaName"]);
        Assert.Equal(2.0, third.Json!["quotaValue"]!.GetValue<double>());
        Assert.Equal(ExpectedMessage(2, region), third.Message);
        Assert.False(string.IsNullOrEmpty(third.RequestId));
        Assert.Equal(1, Control.RejectedCounts["quota"]);
        Assert.Equal(2, Control.AudienceModelsInTraining(region));
        var listed = (await client.GetAsync("/audience-model")).Json!["audienceModels"]!.AsArray();
        Assert.Equal(new[] { "first", "second" }, listed.Select(m => (string)m!["name"]!).OrderBy(n => n));
    }

    [Fact]
    public async Task Deleting_a_model_in_training_frees_its_slot_at_once()
    {
        var (client, region, dataset) = await NewRegionAsync();
        string first = await client.CreateAudienceModelAsync("first", dataset);
        await client.CreateAudienceModelAsync("second", dataset);

        var deleted = await client.DeleteAsync("/audience-model/" + EmulatorClient.Encode(first));
        var replacement = await TryCreateAsync(client, "replacement", dataset);
        var oneTooMany = await TryCreateAsync(client, "one-too-many", dataset);

        Assert.Equal(200, deleted.Status);
        Assert.Equal(200, replacement.Status);
        Assert.Equal(402, oneTooMany.Status);
        Assert.Equal(2, Control.AudienceModelsInTraining(region));
    }

    [Theory]
    [InlineData("plain", "ACTIVE")]
    [InlineData("clicks-fail-training", "CREATE_FAILED")]
    public async Task A_model_that_finished_training_no_longer_counts(string datasetName, string finalStatus)
    {
        var (client, region, dataset) = await NewRegionAsync(datasetName);
        Control.Faults = Control.Faults with { TrainingSeconds = 1 };
        string quick = await client.CreateAudienceModelAsync("quick", dataset);
        Control.Faults = Control.Faults with { TrainingSeconds = LongTrainingEmulatorFixture.TrainingSeconds };
        await client.CreateAudienceModelAsync("slow", dataset);

        string status = await FinalStatusAsync(client, quick);
        var next = await TryCreateAsync(client, "next", dataset);

        Assert.Equal(finalStatus, status);
        Assert.True(next.Status == 200, next.ToString());
        Assert.Equal(2, Control.AudienceModelsInTraining(region));
    }

    [Fact]
    public async Task Models_already_ACTIVE_do_not_count()
    {
        var (client, region, dataset) = await NewRegionAsync();
        Control.Faults = Control.Faults with { TrainingSeconds = 0 };
        for (int i = 0; i < 5; i++) await client.CreateAudienceModelAsync($"active-{i}", dataset);
        Control.Faults = Control.Faults with { TrainingSeconds = LongTrainingEmulatorFixture.TrainingSeconds };

        await client.CreateAudienceModelAsync("training-1", dataset);
        await client.CreateAudienceModelAsync("training-2", dataset);
        var third = await TryCreateAsync(client, "training-3", dataset);

        Assert.Equal(402, third.Status);
        Assert.Equal(2, Control.AudienceModelsInTraining(region));
        Assert.Equal(7, Control.AudienceModelCount);
    }

    [Fact]
    public async Task Models_in_another_region_do_not_count()
    {
        var (east, eastRegion, eastDataset) = await NewRegionAsync();
        var (west, westRegion, westDataset) = await NewRegionAsync();
        await east.CreateAudienceModelAsync("east-1", eastDataset);
        await east.CreateAudienceModelAsync("east-2", eastDataset);

        var west1 = await TryCreateAsync(west, "west-1", westDataset);
        var west2 = await TryCreateAsync(west, "west-2", westDataset);
        var east3 = await TryCreateAsync(east, "east-3", eastDataset);
        var west3 = await TryCreateAsync(west, "west-3", westDataset);

        Assert.Equal((200, 200), (west1.Status, west2.Status));
        Assert.Equal(402, east3.Status);
        Assert.Equal(ExpectedMessage(2, eastRegion), east3.Message);
        Assert.Equal(402, west3.Status);
        Assert.Equal(ExpectedMessage(2, westRegion), west3.Message);
        Assert.Equal((2, 2), (Control.AudienceModelsInTraining(eastRegion), Control.AudienceModelsInTraining(westRegion)));
    }

    [Fact]
    public async Task Null_lifts_the_quota()
    {
        Control.Faults = Control.Faults with { MaxPendingAudienceModels = null };
        var (client, region, dataset) = await NewRegionAsync();

        for (int i = 0; i < 5; i++) await client.CreateAudienceModelAsync($"m{i}", dataset);

        Assert.Equal(5, Control.AudienceModelsInTraining(region));
    }

    [Fact]
    public async Task Zero_refuses_every_create_and_a_raised_quota_applies_to_the_next_create()
    {
        var (client, region, dataset) = await NewRegionAsync();
        Control.Faults = Control.Faults with { MaxPendingAudienceModels = 0 };
        var refused = await TryCreateAsync(client, "none-allowed", dataset);
        Control.Faults = Control.Faults with { MaxPendingAudienceModels = 3 };

        for (int i = 0; i < 3; i++) await client.CreateAudienceModelAsync($"m{i}", dataset);
        var fourth = await TryCreateAsync(client, "m3", dataset);

        Assert.Equal(402, refused.Status);
        Assert.Equal(0.0, refused.Json!["quotaValue"]!.GetValue<double>());
        Assert.Equal(ExpectedMessage(0, region), refused.Message);
        Assert.Equal(402, fourth.Status);
        Assert.Equal(3.0, fourth.Json!["quotaValue"]!.GetValue<double>());
    }

    [Fact]
    public async Task The_total_quota_is_checked_before_the_training_quota()
    {
        var (client, _, dataset) = await NewRegionAsync();
        await client.CreateAudienceModelAsync("first", dataset);
        await client.CreateAudienceModelAsync("second", dataset);

        Control.Faults = Control.Faults with { MaxAudienceModels = 2 };
        var both = await TryCreateAsync(client, "third", dataset);
        Control.Faults = Control.Faults with { MaxAudienceModels = 10 };
        var trainingOnly = await TryCreateAsync(client, "third", dataset);

        Assert.Equal(402, both.Status);
        Assert.Equal("Maximum number of audience models", (string?)both.Json!["quotaName"]);
        Assert.Equal(402, trainingOnly.Status);
        Assert.Equal(QuotaName, (string?)trainingOnly.Json!["quotaName"]);
        Assert.Equal(2, Control.RejectedCounts["quota"]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task Parallel_creates_never_leave_more_than_the_quota_in_training(int quota)
    {
        Control.Faults = Control.Faults with { MaxPendingAudienceModels = quota };
        var (client, region, dataset) = await NewRegionAsync();
        // Open the connections first, so that the creates arrive together rather than one handshake apart.
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.GetAsync("/audience-model")));

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => TryCreateAsync(client, $"p{i}", dataset)));

        Assert.Equal(quota, answers.Count(a => a.Status == 200));
        Assert.All(answers.Where(a => a.Status != 200), a => Assert.Equal((402, "ServiceQuotaExceededException"), (a.Status, a.ErrorType)));
        Assert.Equal(quota, Control.AudienceModelsInTraining(region));
    }

    [Fact]
    public async Task Parallel_creates_of_models_that_train_in_no_time_never_meet_the_quota()
    {
        // Models of 0 s are ACTIVE at once, also for a request that read the clock just before a parallel create stored one.
        Control.Faults = Control.Faults with { TrainingSeconds = 0 };
        var (client, region, dataset) = await NewRegionAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => TryCreateAsync(client, $"p{i}", dataset)));

        Assert.All(answers, a => Assert.True(a.Status == 200, a.ToString()));
        Assert.Equal(0, Control.AudienceModelsInTraining(region));
    }

    [Fact]
    public async Task The_control_endpoint_reads_and_sets_the_quota_and_reset_restores_the_start_value()
    {
        var (_, initial) = await _emulator.ControlAsync("GET", "faults");
        var (setStatus, set) = await _emulator.ControlAsync("POST", "faults", """{"maxPendingAudienceModels":5}""");
        int inProcess = Control.Faults.MaxPendingAudienceModels!.Value;
        var (liftStatus, lifted) = await _emulator.ControlAsync("POST", "faults", """{"maxPendingAudienceModels":null}""");
        bool liftedInProcess = Control.Faults.MaxPendingAudienceModels is null;
        var (_, afterLift) = await _emulator.ControlAsync("GET", "faults");
        await _emulator.ControlAsync("POST", "reset");
        var (_, afterReset) = await _emulator.ControlAsync("GET", "faults");

        Assert.Equal(2, (int)initial["maxPendingAudienceModels"]!);
        Assert.Equal((200, 5), (setStatus, (int)set["maxPendingAudienceModels"]!));
        Assert.Equal(5, inProcess);
        Assert.Equal(200, liftStatus);
        Assert.True(lifted.AsObject().ContainsKey("maxPendingAudienceModels"));
        Assert.Null(lifted["maxPendingAudienceModels"]);
        Assert.True(liftedInProcess);
        Assert.Null(afterLift["maxPendingAudienceModels"]);
        Assert.Equal(2, (int)afterReset["maxPendingAudienceModels"]!);
        Assert.Equal(2, Control.Faults.MaxPendingAudienceModels);
    }

    [Theory]
    [InlineData("""{"maxPendingAudienceModels":-1}""", "maxPendingAudienceModels must be 0 or more")]
    [InlineData("""{"maxPendingAudienceModels":"two"}""", "Invalid faults request")]
    [InlineData("""{"maxPendingAudienceModels":1.5}""", "Invalid faults request")]
    [InlineData("""{"throttleRate":0.5,"maxPendingAudienceModels":-3}""", "maxPendingAudienceModels must be 0 or more")]
    public async Task The_control_endpoint_refuses_an_invalid_quota_and_changes_nothing(string body, string expected)
    {
        var before = Control.Faults;

        var (status, json) = await _emulator.ControlAsync("POST", "faults", body);

        Assert.Equal(400, status);
        Assert.Contains(expected, (string?)json["message"]);
        Assert.Equal(before, Control.Faults);
    }

    [Fact]
    public void The_in_process_control_refuses_a_negative_quota_and_reset_restores_the_start_value()
    {
        var error = Assert.Throws<ArgumentException>(() => Control.Faults = Control.Faults with { MaxPendingAudienceModels = -1 });
        Control.Faults = Control.Faults with { MaxPendingAudienceModels = 9 };
        int changed = Control.Faults.MaxPendingAudienceModels!.Value;
        Control.Reset();

        Assert.Contains("maxPendingAudienceModels", error.Message);
        Assert.Equal(9, changed);
        Assert.Equal(2, Control.Faults.MaxPendingAudienceModels);
    }

    [Theory]
    [InlineData(new[] { "--max-pending-audience-models", "0" }, 0)]
    [InlineData(new[] { "--max-pending-audience-models", "7" }, 7)]
    [InlineData(new[] { "--max-pending-audience-models=3" }, 3)]
    [InlineData(new[] { "--max-pending-audience-models", "none" }, null)]
    [InlineData(new[] { "--max-pending-audience-models=None" }, null)]
    public void The_option_takes_a_whole_number_or_none(string[] args, int? expected)
    {
        var options = EmulatorOptions.Parse(args);

        Assert.Equal(expected, options.MaxPendingAudienceModels);
        Assert.Equal(expected, FaultSettings.From(options).MaxPendingAudienceModels);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("unlimited")]
    public void An_invalid_option_value_is_a_readable_ArgumentException(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(new[] { "--max-pending-audience-models", value }));

        Assert.Equal($"--max-pending-audience-models expects a whole number of 0 or more, or none, not '{value}'.", error.Message);
    }

    [Fact]
    public void The_option_needs_a_value_and_is_in_the_help()
    {
        var error = Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(new[] { "--max-pending-audience-models" }));

        Assert.Contains("--max-pending-audience-models needs a value", error.Message);
        Assert.Contains("--max-pending-audience-models N", EmulatorOptions.HelpText);
    }

    [Fact]
    public async Task The_built_emulator_takes_the_option_from_its_command_line()
    {
        using var emulator = EmulatorProcess.Start("--urls", "http://127.0.0.1:0", "--exit-on-stdin-close", "--quiet",
            "--max-pending-audience-models", "none");

        var faults = JsonNode.Parse(await Http.GetStringAsync(new Uri(emulator.Url, "/_emulator/faults")))!;

        Assert.True(faults.AsObject().ContainsKey("maxPendingAudienceModels"));
        Assert.Null(faults["maxPendingAudienceModels"]);
    }

    [SkippableFact]
    public async Task Boto3_sees_ServiceQuotaExceededException_with_QuotaName_and_QuotaValue()
    {
        string? missing = ExternalClient.Unavailable("python3", "-c", "import boto3");
        Skip.If(missing is not null, $"boto3 conformance needs python3 with boto3: {missing}");
        string region = EmulatorClient.UniqueRegion();

        using var external = new ExternalClient();
        var result = await external.RunAsync("python3", new[]
        {
            ExternalClient.ConformanceScript("boto3_training_quota.py"),
            "--endpoint", _emulator.Server.Url.ToString(), "--region", region,
            "--access-key", EmulatorDefaults.AccessKey, "--secret-key", EmulatorDefaults.SecretKey,
            "--quota", "2", "--quota-name", QuotaName,
        }, region, TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("PASS", result.Output.Trim());
        Assert.Equal(1, Control.RejectedCounts.GetValueOrDefault("quota"));
        Assert.Equal(2, Control.AudienceModelsInTraining(region));
    }
}
