using CleanRoomsML.Emulator.Control;
using CleanRoomsML.Emulator.Hosting;
using CleanRoomsML.Emulator.Operations;
using CleanRoomsML.Emulator.Signing;
using CleanRoomsML.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CleanRoomsML.Emulator;

/// <summary>
/// A running emulator: a Kestrel server on the options' URL (port 0 picks a free port), in this process.
/// Dispose it to stop it.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _stopped;

    private EmulatorServer(WebApplication app, Uri url, EmulatorOptions options, EmulatorControl control)
    {
        _app = app;
        Url = url;
        Options = options;
        Control = control;
    }

    /// <summary>The base URL clients use as their endpoint, e.g. http://127.0.0.1:54321 (no trailing slash).</summary>
    public Uri Url { get; }

    public EmulatorOptions Options { get; }

    public EmulatorControl Control { get; }

    /// <summary>The ARN of the seeded training dataset of each region in <see cref="EmulatorOptions.Regions"/>.</summary>
    public IReadOnlyList<string> SeedDatasetArns =>
        Options.Regions.Distinct(StringComparer.Ordinal).Select(SeedDatasetArn).ToList();

    public string SeedDatasetArn(string region) => EmulatorDefaults.SeedDatasetArn(region, Options.AccountId);

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var store = new ResourceStore();
        var faults = new FaultInjector(FaultSettings.From(options), options.Seed);
        var log = new RequestLog();
        void Reset()
        {
            log.Clear();
            faults.Reset(FaultSettings.From(options));
            store.Reset(SeedData.TrainingDatasets(options, DateTime.UtcNow));
        }
        store.Reset(SeedData.TrainingDatasets(options, DateTime.UtcNow));

        var control = new EmulatorControl(log, faults, store, Reset);
        var verifier = new SigV4Verifier(options.AccessKey, options.SecretKey);
        var pipeline = new ServicePipeline(options, verifier, new OperationRouter(new OperationContext(store, faults, options)), faults, log);
        var controlEndpoint = new ControlEndpoint(control);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.UseUrls(options.Urls);
        builder.Services.AddSingleton<IHostLifetime, NoopHostLifetime>();
        var app = builder.Build();
        app.Run(context => ControlEndpoint.Handles(context.Request)
            ? controlEndpoint.HandleAsync(context)
            : pipeline.HandleAsync(context));

        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        string address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The server reported no address.");
        return new EmulatorServer(app, new Uri(address.TrimEnd('/')), options, control);
    }

    /// <summary>Stops accepting requests and lets the ones in flight finish (a few seconds at most).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
