using System.Diagnostics;

namespace CleanRoomsML.Emulator.Tests.Support;

/// <summary>
/// Runs python3 / the AWS CLI against an emulator with a clean AWS environment: the emulator's keys, no
/// profile, no instance metadata look-ups.
/// </summary>
public sealed class ExternalClient : IDisposable
{
    private readonly string _emptyConfig = Path.GetTempFileName();

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
    }

    public async Task<Result> RunAsync(string fileName, IEnumerable<string> args, string region, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        foreach (string name in new[] { "AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_ENDPOINT_URL", "AWS_CA_BUNDLE" })
        {
            start.Environment.Remove(name);
        }
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_CONFIG_FILE"] = _emptyConfig;
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = _emptyConfig;
        start.Environment["AWS_ACCESS_KEY_ID"] = EmulatorDefaults.AccessKey;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = EmulatorDefaults.SecretKey;
        start.Environment["AWS_DEFAULT_REGION"] = region;
        start.Environment["AWS_PAGER"] = "";

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeout}.");
        }
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Null when the command can be started and exits 0; otherwise why not (for a skip message).</summary>
    public static string? Unavailable(string fileName, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string arg in args) start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit(30_000);
            return process.ExitCode == 0 ? null : $"'{fileName} {string.Join(" ", args)}' failed: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"'{fileName}' is not on PATH ({e.Message})";
        }
    }

    /// <summary>tests/conformance/NAME, found from the test binaries' folder upwards.</summary>
    public static string ConformanceScript(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "conformance", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"tests/conformance/{name} was not found above {AppContext.BaseDirectory}.");
    }

    public void Dispose() => File.Delete(_emptyConfig);
}
