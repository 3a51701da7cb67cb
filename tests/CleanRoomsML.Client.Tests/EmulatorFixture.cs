using System;
using System.Threading.Tasks;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Emulator;
using CleanRoomsML.Emulator.Control;

[assembly: CollectionBehavior(DisableTestParallelization = true)] // several tests set AWS_* environment variables

namespace CleanRoomsML.Client.Tests;

/// <summary>One real emulator on a loopback port for a test class; every request it serves is SigV4-verified.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public EmulatorServer Server { get; private set; } = null!;

    public EmulatorControl Control => Server.Control;

    public string SeedDatasetArn => Server.SeedDatasetArn("us-east-1");

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            Urls = "http://127.0.0.1:0",
            Quiet = true,
            TrainingSeconds = 0,
            Regions = new[] { "us-east-1" },
        });
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Settings that reach this emulator with its keys; <paramref name="secretKey"/> lets a test sign wrongly.</summary>
    public ConnectionSettings Settings(string? secretKey = null, string region = "us-east-1") => new()
    {
        Region = region,
        AccessKey = EmulatorDefaults.AccessKey,
        SecretKey = secretKey ?? EmulatorDefaults.SecretKey,
        EndpointUrl = Server.Url.ToString(),
    };

    /// <summary>Puts the emulator back to its start: no models, no faults, an empty request log.</summary>
    public void Reset() => Control.Reset();
}

/// <summary>Sets environment variables for one test and puts the old values back.</summary>
public sealed class EnvironmentScope : IDisposable
{
    private readonly (string Name, string? Old)[] _saved;

    public EnvironmentScope(params (string Name, string? Value)[] variables)
    {
        _saved = Array.ConvertAll(variables, v => (v.Name, Environment.GetEnvironmentVariable(v.Name)));
        foreach (var (name, value) in variables) Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose()
    {
        foreach (var (name, old) in _saved) Environment.SetEnvironmentVariable(name, old);
    }
}
