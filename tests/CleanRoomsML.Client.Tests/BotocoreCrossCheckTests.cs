using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Model;
using CleanRoomsML.Emulator;

namespace CleanRoomsML.Client.Tests;

/// <summary>
/// botocore, a client nobody here wrote, judges our requests: it recomputes their SigV4 signatures and says
/// which body boto3 would send for the same input.
/// </summary>
public sealed class BotocoreCrossCheckTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public BotocoreCrossCheckTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Reset();
    }

    private static readonly Lazy<string?> PythonMissing = new(() =>
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("python3", "-c \"import boto3, botocore\"") { RedirectStandardError = true, UseShellExecute = false })!;
            probe.WaitForExit(30_000);
            return probe.ExitCode == 0 ? null : "python3 cannot import boto3: " + probe.StandardError.ReadToEnd().Trim();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return "python3 is not on PATH: " + e.Message;
        }
    });

    private static JsonNode Botocore(JsonObject input)
    {
        string script = Path.Combine(RepositoryRoot(), "tests", "conformance", "botocore_check.py");
        var start = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        using var process = Process.Start(start)!;
        process.StandardInput.Write(input.ToJsonString());
        process.StandardInput.Close();
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit(60_000);
        Assert.True(process.ExitCode == 0, $"botocore_check.py failed: {error}");
        return JsonNode.Parse(output)!;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CleanRoomsML.PowerShell.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("The repository root was not found above " + AppContext.BaseDirectory);
    }

    private JsonObject LastRequestFor(string? sessionToken = null)
    {
        var request = _emulator.Control.LastRequest!;
        var headers = new JsonObject();
        foreach (var (name, value) in request.Headers) headers[name] = value;
        var input = new JsonObject
        {
            ["method"] = request.Method,
            ["url"] = _emulator.Server.Url.ToString().TrimEnd('/') + request.RawTarget,
            ["headers"] = headers,
            ["body"] = request.Body,
            ["accessKey"] = EmulatorDefaults.AccessKey,
            ["secretKey"] = EmulatorDefaults.SecretKey,
            ["region"] = "us-east-1",
        };
        if (sessionToken is not null) input["sessionToken"] = sessionToken;
        return input;
    }

    [SkippableFact]
    public async Task Botocore_accepts_the_signature_of_a_create_and_sends_the_same_body()
    {
        Skip.If(PythonMissing.Value is not null, PythonMissing.Value);
        using var connection = CleanRoomsMLConnection.Open(_emulator.Settings());
        var input = new NewAudienceModel("Modèle 日本 – lookalike", _emulator.SeedDatasetArn)
        {
            Description = "multi\nline",
            KmsKeyArn = "arn:aws:kms:us-east-1:123456789012:key/abc",
            Tags = new Dictionary<string, string> { ["team"] = "ml", ["emoji"] = "✓" },
            TrainingDataStartTime = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            TrainingDataEndTime = new DateTime(2024, 2, 29, 23, 59, 59, DateTimeKind.Utc),
        };
        await connection.CreateAudienceModelAsync(input, null, default);

        JsonObject check = LastRequestFor();
        check["createAudienceModel"] = new JsonObject
        {
            ["name"] = input.Name,
            ["trainingDatasetArn"] = input.TrainingDatasetArn,
            ["description"] = input.Description,
            ["kmsKeyArn"] = input.KmsKeyArn,
            ["tags"] = new JsonObject { ["team"] = "ml", ["emoji"] = "✓" },
            ["trainingDataStartTime"] = "2024-01-01T00:00:00Z",
            ["trainingDataEndTime"] = "2024-02-29T23:59:59Z",
        };
        JsonNode verdict = Botocore(check);

        Assert.True((bool)verdict["signatureMatches"]!, $"botocore computed {verdict["expected"]}, we sent {verdict["actual"]}\n{verdict["canonicalRequest"]}");
        Assert.True(JsonNode.DeepEquals(verdict["boto3Body"], JsonNode.Parse(_emulator.Control.LastRequest!.Body)),
            $"boto3 would send {verdict["boto3Body"]!.ToJsonString()}, we sent {_emulator.Control.LastRequest!.Body}");
    }

    [SkippableFact]
    public async Task Botocore_accepts_the_signature_of_an_ARN_in_the_path_and_of_repeated_query_keys()
    {
        Skip.If(PythonMissing.Value is not null, PythonMissing.Value);
        using var connection = CleanRoomsMLConnection.Open(_emulator.Settings());
        var created = await connection.CreateAudienceModelAsync(new NewAudienceModel("path-label", _emulator.SeedDatasetArn), null, default);

        await connection.GetAudienceModelAsync(created.Arn, null, default);
        JsonNode get = Botocore(LastRequestFor());
        await connection.UntagResourceAsync(created.Arn, new[] { "b key", "a/key" }, null, default);
        JsonNode untag = Botocore(LastRequestFor());

        Assert.True((bool)get["signatureMatches"]!, $"GET with an ARN label: {get["canonicalRequest"]}");
        Assert.True((bool)untag["signatureMatches"]!, $"DELETE with tagKeys: {untag["canonicalRequest"]}");
    }

    [SkippableFact]
    public async Task Botocore_accepts_a_signature_with_a_session_token()
    {
        Skip.If(PythonMissing.Value is not null, PythonMissing.Value);
        const string token = "IQoJb3JpZ2luX2VjEXAMPLE/+=token";
        ConnectionSettings s = _emulator.Settings();
        using var connection = CleanRoomsMLConnection.Open(new ConnectionSettings
        {
            Region = s.Region, AccessKey = s.AccessKey, SecretKey = s.SecretKey, SessionToken = token, EndpointUrl = s.EndpointUrl,
        });
        await connection.ListAudienceModelsAsync(new PageRequest { MaxResults = 7 }, null, default);

        JsonNode verdict = Botocore(LastRequestFor(token));

        Assert.True((bool)verdict["signatureMatches"]!, verdict["canonicalRequest"]!.ToString());
    }
}
