using System.Diagnostics;

namespace CleanRoomsML.Emulator.Tests.Support;

/// <summary>The built emulator run as its own process (dotnet CleanRoomsML.Emulator.dll ...), as users run it.</summary>
public sealed class EmulatorProcess : IDisposable
{
    private EmulatorProcess(Process process, string firstLine)
    {
        Process = process;
        FirstLine = firstLine;
    }

    public Process Process { get; }

    public string FirstLine { get; }

    public static string DllPath => typeof(EmulatorServer).Assembly.Location;

    public static EmulatorProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        foreach (string arg in args) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var firstLine = process.StandardOutput.ReadLineAsync();
        if (!firstLine.Wait(TimeSpan.FromSeconds(20)) || firstLine.Result is null)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("The emulator printed no first line: " + process.StandardError.ReadToEnd());
        }
        return new EmulatorProcess(process, firstLine.Result);
    }

    public Uri Url => new(FirstLine.Substring(FirstLine.LastIndexOf(' ') + 1));

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }
}
