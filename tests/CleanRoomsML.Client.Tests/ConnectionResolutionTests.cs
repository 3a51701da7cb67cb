using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Model;
using CleanRoomsML.Emulator;

namespace CleanRoomsML.Client.Tests;

/// <summary>Region and credentials resolve as the AWS CLI resolves them: explicit, then environment, then profile.</summary>
public sealed class ConnectionResolutionTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture _emulator;
    private readonly string _folder = Directory.CreateTempSubdirectory("crml-profiles-").FullName;
    private readonly EnvironmentScope _cleanEnvironment;

    public ConnectionResolutionTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Reset();
        string empty = Path.Combine(_folder, "empty");
        File.WriteAllText(empty, "");
        _cleanEnvironment = new EnvironmentScope(
            ("AWS_REGION", null), ("AWS_DEFAULT_REGION", null), ("AWS_PROFILE", null),
            ("AWS_ACCESS_KEY_ID", null), ("AWS_SECRET_ACCESS_KEY", null), ("AWS_SESSION_TOKEN", null),
            ("AWS_CONFIG_FILE", empty), ("AWS_SHARED_CREDENTIALS_FILE", empty), ("AWS_EC2_METADATA_DISABLED", "true"),
            ("AWS_MAX_ATTEMPTS", null), ("AWS_RETRY_MODE", null));
    }

    public void Dispose()
    {
        _cleanEnvironment.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string WriteCredentialsFile(string content)
    {
        string path = Path.Combine(_folder, "credentials");
        File.WriteAllText(path, content.Replace("\n            ", "\n"));
        return path;
    }

    [Fact]
    public async Task Signs_with_the_keys_of_a_named_profile_in_a_given_file()
    {
        string file = WriteCredentialsFile($"""
            [emulator]
            aws_access_key_id = {EmulatorDefaults.AccessKey}
            aws_secret_access_key = {EmulatorDefaults.SecretKey}
            region = us-east-1
            """);

        using var connection = CleanRoomsMLConnection.Open(new ConnectionSettings
        {
            ProfileName = "emulator",
            ProfileLocation = file,
            EndpointUrl = _emulator.Server.Url.ToString(),
        });
        await connection.CreateAudienceModelAsync(new NewAudienceModel("from-profile", _emulator.SeedDatasetArn), null, default);

        Assert.Equal("us-east-1", connection.Region);
        Assert.Equal("profile emulator", connection.CredentialSource);
        Assert.Equal(200, _emulator.Control.LastRequest!.Status);
        Assert.Contains($"Credential={EmulatorDefaults.AccessKey}/", _emulator.Control.LastRequest.Headers["authorization"]);
    }

    [Fact]
    public void An_explicit_region_beats_the_environment_which_beats_the_profile()
    {
        string file = WriteCredentialsFile("""
            [p]
            aws_access_key_id = AKIAPROFILE000000000
            aws_secret_access_key = secret
            region = eu-west-1
            """);
        var fromProfile = new ConnectionSettings { ProfileName = "p", ProfileLocation = file };
        using (var connection = CleanRoomsMLConnection.Open(fromProfile)) Assert.Equal("eu-west-1", connection.Region);

        using var env = new EnvironmentScope(("AWS_REGION", "ap-southeast-2"));
        using (var connection = CleanRoomsMLConnection.Open(fromProfile)) Assert.Equal("ap-southeast-2", connection.Region);

        var explicitRegion = new ConnectionSettings { ProfileName = "p", ProfileLocation = file, Region = "us-west-2" };
        using (var connection = CleanRoomsMLConnection.Open(explicitRegion)) Assert.Equal("us-west-2", connection.Region);
    }

    [Fact]
    public void Fails_at_once_when_no_region_is_set_anywhere()
    {
        var clock = Stopwatch.StartNew();

        var e = Assert.Throws<CleanRoomsMLConfigurationException>(() => CleanRoomsMLConnection.Open(new ConnectionSettings()));

        clock.Stop();
        Assert.Equal(ConfigurationProblemKind.MissingRegion, e.Kind);
        Assert.Contains("AWS_REGION", e.Message);
        Assert.True(clock.ElapsedMilliseconds < 2000, $"took {clock.ElapsedMilliseconds} ms: something probed the network");
    }

    [Fact]
    public void Names_a_missing_profile()
    {
        string file = WriteCredentialsFile("[other]\naws_access_key_id = A\naws_secret_access_key = B\n");

        var e = Assert.Throws<CleanRoomsMLConfigurationException>(() =>
            CleanRoomsMLConnection.Open(new ConnectionSettings { Region = "us-east-1", ProfileName = "missing", ProfileLocation = file }));

        Assert.Equal(ConfigurationProblemKind.ProfileNotFound, e.Kind);
        Assert.Contains("'missing'", e.Message);
    }

    [Theory]
    [InlineData("US-EAST-1")]
    [InlineData("useast1")]
    [InlineData("us east 1")]
    public void Rejects_a_malformed_region_name(string region)
    {
        var e = Assert.Throws<CleanRoomsMLConfigurationException>(() => CleanRoomsMLConnection.Open(new ConnectionSettings { Region = region }));
        Assert.Equal(ConfigurationProblemKind.InvalidRegion, e.Kind);
    }

    [Fact]
    public void Requires_access_key_and_secret_key_together()
    {
        var e = Assert.Throws<CleanRoomsMLConfigurationException>(() =>
            CleanRoomsMLConnection.Open(new ConnectionSettings { Region = "us-east-1", AccessKey = "AKIAONLY" }));
        Assert.Equal(ConfigurationProblemKind.IncompleteKeys, e.Kind);
    }

    [Fact]
    public void Describes_settings_without_the_secret_or_the_token()
    {
        var settings = new ConnectionSettings { Region = "us-east-1", AccessKey = "AKIAVISIBLE", SecretKey = "TOP-SECRET", SessionToken = "TOKEN-SECRET" };

        string text = settings.ToString();

        Assert.Contains("AKIAVISIBLE", text);
        Assert.DoesNotContain("TOP-SECRET", text);
        Assert.DoesNotContain("TOKEN-SECRET", text);
    }

    [Fact]
    public void Equal_settings_are_one_cache_key_and_a_different_secret_is_another()
    {
        var a = new ConnectionSettings { Region = "us-east-1", AccessKey = "A", SecretKey = "S" };
        var b = new ConnectionSettings { Region = "us-east-1", AccessKey = "A", SecretKey = "S" };
        var c = new ConnectionSettings { Region = "us-east-1", AccessKey = "A", SecretKey = "T" };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Rejects_a_nonsense_AWS_MAX_ATTEMPTS()
    {
        using var env = new EnvironmentScope(("AWS_MAX_ATTEMPTS", "many"));
        var e = Assert.Throws<CleanRoomsMLConfigurationException>(() => CleanRoomsMLConnection.Open(_emulator.Settings()));
        Assert.Contains("AWS_MAX_ATTEMPTS", e.Message);
    }
}
