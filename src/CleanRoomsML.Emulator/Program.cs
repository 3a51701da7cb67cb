using System.Runtime.InteropServices;
using CleanRoomsML.Emulator;

EmulatorOptions options;
try
{
    options = EmulatorOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(EmulatorOptions.HelpText);
    return 0;
}

using var stop = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopOnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopOnSignal);

EmulatorServer server;
try
{
    server = await EmulatorServer.StartAsync(options, stop.Token);
}
catch (Exception e) when (e is IOException or InvalidOperationException or FormatException or UriFormatException)
{
    // Typically the port is taken or --urls is not a URL Kestrel can bind.
    Console.Error.WriteLine($"The emulator could not start on {options.Urls}: {e.Message}");
    return 1;
}
await using var running = server;
Console.WriteLine($"CleanRoomsML emulator listening on {server.Url.ToString().TrimEnd('/')}");
Console.WriteLine($"Access key id: {options.AccessKey} (secret: see README.md or --help; the default pair is a public test value)");
Console.WriteLine($"Regions: {string.Join(", ", options.Regions)} (requests signed for other regions are served too)");
foreach (string arn in server.SeedDatasetArns) Console.WriteLine($"Seeded training dataset: {arn}");
Console.WriteLine($"Control endpoint: {server.Url.ToString().TrimEnd('/')}/_emulator/health (Ctrl+C to stop)");
Console.Out.Flush();

if (options.ExitOnStdinClose) _ = WaitForStdinCloseAsync(stop);

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}
Console.WriteLine("CleanRoomsML emulator stopping");
return 0;

void StopOnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

static Task WaitForStdinCloseAsync(CancellationTokenSource stop) => Task.Run(() =>
{
    using var stdin = Console.OpenStandardInput();
    var buffer = new byte[256];
    while (stdin.Read(buffer, 0, buffer.Length) > 0)
    {
    }
    stop.Cancel();
});
