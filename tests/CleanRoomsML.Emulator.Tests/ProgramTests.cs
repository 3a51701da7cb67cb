using System.Diagnostics;
using System.Net.Http;
using CleanRoomsML.Emulator.Tests.Support;

namespace CleanRoomsML.Emulator.Tests;

/// <summary>The emulator as a command: first line, start banner, and the ways it stops.</summary>
public class ProgramTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task First_line_is_the_listening_url_then_the_key_regions_and_seeded_datasets()
    {
        using var emulator = EmulatorProcess.Start("--urls", "http://127.0.0.1:0", "--region", "us-east-1,eu-west-1",
            "--exit-on-stdin-close", "--quiet");

        Assert.Matches(@"\ACleanRoomsML emulator listening on http://127\.0\.0\.1:[1-9][0-9]*\z", emulator.FirstLine);
        var banner = new List<string>();
        for (int i = 0; i < 5; i++) banner.Add((await emulator.Process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)))!);
        string text = string.Join("\n", banner);
        Assert.Contains(EmulatorDefaults.AccessKey, text);
        Assert.DoesNotContain(EmulatorDefaults.SecretKey, text);
        Assert.Contains("us-east-1, eu-west-1", text);
        Assert.Contains("arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/demo-interactions", text);
        Assert.Contains("arn:aws:cleanrooms-ml:eu-west-1:123456789012:training-dataset/demo-interactions", text);

        var health = await Http.GetStringAsync(new Uri(emulator.Url, "/_emulator/health"));
        Assert.Contains("ok", health);
    }

    [Fact]
    public async Task Closing_stdin_stops_it_with_exit_code_0()
    {
        using var emulator = EmulatorProcess.Start("--urls", "http://127.0.0.1:0", "--exit-on-stdin-close", "--quiet");

        emulator.Process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await emulator.Process.WaitForExitAsync(timeout.Token);

        Assert.Equal(0, emulator.Process.ExitCode);
    }

    [SkippableFact]
    public async Task Sigterm_stops_it_with_exit_code_0()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGTERM is a POSIX signal.");
        using var emulator = EmulatorProcess.Start("--urls", "http://127.0.0.1:0", "--quiet");

        using (var kill = Process.Start("kill", new[] { "-TERM", emulator.Process.Id.ToString() })) await kill!.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await emulator.Process.WaitForExitAsync(timeout.Token);

        Assert.Equal(0, emulator.Process.ExitCode);
    }

    [Fact]
    public async Task Each_service_request_is_logged_on_one_line_without_headers()
    {
        using var emulator = EmulatorProcess.Start("--urls", "http://127.0.0.1:0", "--exit-on-stdin-close");
        var banner = new List<string>();
        string? line;
        // The banner ends with the control endpoint line; every line after it is a request log line.
        do
        {
            line = await emulator.Process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
            banner.Add(line ?? "");
        }
        while (line is not null && !line.StartsWith("Control endpoint:", StringComparison.Ordinal));

        await new EmulatorClient(emulator.Url).GetAsync("/audience-model");
        line = await emulator.Process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Matches(@"\AGET /audience-model -> 200 ListAudienceModels \(\d+ ms\)\z", line);
        Assert.DoesNotContain(banner.Concat(new[] { line! }), l => l.Contains("AWS4-HMAC-SHA256") || l.Contains(EmulatorDefaults.SecretKey));
    }

    [Fact]
    public async Task A_bad_option_exits_2_with_the_reason()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", new[] { EmulatorProcess.DllPath, "--account-id", "12" })
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        })!;
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--account-id must be 12 digits", error);
    }
}
