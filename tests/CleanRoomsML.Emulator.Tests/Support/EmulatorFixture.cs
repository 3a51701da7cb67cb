namespace CleanRoomsML.Emulator.Tests.Support;

/// <summary>
/// A real emulator on 127.0.0.1 port 0, shared by the tests of one class. Subclasses change the options.
/// </summary>
public class EmulatorFixture : IAsyncLifetime
{
    private EmulatorServer? _server;

    public EmulatorServer Server => _server ?? throw new InvalidOperationException("The emulator has not started.");

    public EmulatorClient Client => new(Server.Url);

    public string SeedArn => Server.SeedDatasetArn(EmulatorDefaults.Region);

    private static readonly System.Net.Http.HttpClient ControlHttp = new();

    /// <summary>A request to the unsigned control endpoint (/_emulator/<paramref name="path"/>): its status and JSON answer.</summary>
    public async Task<(int Status, System.Text.Json.Nodes.JsonNode Json)> ControlAsync(string method, string path, string? body = null)
    {
        using var request = new System.Net.Http.HttpRequestMessage(new System.Net.Http.HttpMethod(method), new Uri(Server.Url, "/_emulator/" + path));
        if (body is not null) request.Content = new System.Net.Http.StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await ControlHttp.SendAsync(request);
        return ((int)response.StatusCode, System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    protected virtual void Configure(EmulatorOptions options)
    {
    }

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions { Urls = "http://127.0.0.1:0", Quiet = true, TrainingSeconds = 0 };
        Configure(options);
        _server = await EmulatorServer.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>
/// Models take <see cref="TrainingSeconds"/> to train: long enough that a test polling every 50 ms sees
/// each status even when a loaded machine stalls it for most of a second. The quota of models in training
/// is lifted: these tests are about the statuses, not the quota.
/// </summary>
public sealed class SlowTrainingEmulatorFixture : EmulatorFixture
{
    public const int TrainingSeconds = 3;

    protected override void Configure(EmulatorOptions options)
    {
        options.TrainingSeconds = TrainingSeconds;
        options.MaxPendingAudienceModels = null;
    }
}

/// <summary>No quota of models in training, for tests that create many models and are not about quotas.</summary>
public sealed class NoTrainingQuotaEmulatorFixture : EmulatorFixture
{
    protected override void Configure(EmulatorOptions options) => options.MaxPendingAudienceModels = null;
}

/// <summary>
/// Models train for <see cref="TrainingSeconds"/>, far longer than any test here runs, so a model created by a
/// test stays in training unless the test changes the training time; the training quota keeps its default.
/// </summary>
public sealed class LongTrainingEmulatorFixture : EmulatorFixture
{
    public const int TrainingSeconds = 300;

    protected override void Configure(EmulatorOptions options) => options.TrainingSeconds = TrainingSeconds;
}
