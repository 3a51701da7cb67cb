using Microsoft.Extensions.Hosting;

namespace CleanRoomsML.Emulator.Hosting;

/// <summary>
/// Replaces the console lifetime, so an emulator started inside a test process does not take over Ctrl+C;
/// Program handles signals itself.
/// </summary>
internal sealed class NoopHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
