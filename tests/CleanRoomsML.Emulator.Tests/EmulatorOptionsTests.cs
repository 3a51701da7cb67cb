namespace CleanRoomsML.Emulator.Tests;

public class EmulatorOptionsTests
{
    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = EmulatorOptions.Parse(Array.Empty<string>());

        Assert.Equal("AKIAEMULATOR0EXAMPLE", options.AccessKey);
        Assert.Equal("emulatorSecretKey/EXAMPLE0000000000000000", options.SecretKey);
        Assert.Equal(new[] { "us-east-1" }, options.Regions);
        Assert.Equal("123456789012", options.AccountId);
        Assert.Equal(3, options.TrainingSeconds);
        Assert.Equal("fail-training", options.FailMarker);
        Assert.Equal("http://127.0.0.1:0", options.Urls);
        Assert.Null(options.MaxAudienceModels);
        Assert.Equal(2, options.MaxPendingAudienceModels);
        Assert.False(options.Quiet);
    }

    [Fact]
    public void Every_option_is_parsed_in_both_spellings()
    {
        var options = EmulatorOptions.Parse(new[]
        {
            "--urls", "http://127.0.0.1:5000", "--access-key=AK", "--secret-key", "SK", "--region", "us-east-1, eu-west-1",
            "--account-id", "111122223333", "--training-seconds", "0.5", "--fail-marker", "boom", "--throttle-rate", "0.25",
            "--error-rate=0.1", "--latency-ms", "20", "--max-audience-models", "9",
            "--max-pending-audience-models=4", "--seed", "7", "--quiet", "--exit-on-stdin-close",
        });

        Assert.Equal("http://127.0.0.1:5000", options.Urls);
        Assert.Equal("AK", options.AccessKey);
        Assert.Equal("SK", options.SecretKey);
        Assert.Equal(new[] { "us-east-1", "eu-west-1" }, options.Regions);
        Assert.Equal("111122223333", options.AccountId);
        Assert.Equal(0.5, options.TrainingSeconds);
        Assert.Equal("boom", options.FailMarker);
        Assert.Equal(0.25, options.ThrottleRate);
        Assert.Equal(0.1, options.ErrorRate);
        Assert.Equal(20, options.LatencyMs);
        Assert.Equal(9, options.MaxAudienceModels);
        Assert.Equal(4, options.MaxPendingAudienceModels);
        Assert.Equal(7, options.Seed);
        Assert.True(options.Quiet);
        Assert.True(options.ExitOnStdinClose);
    }

    [Theory]
    [InlineData("--throttle-rate", "1.5")]
    [InlineData("--error-rate", "-0.1")]
    [InlineData("--account-id", "abc")]
    [InlineData("--region", "US_EAST")]
    [InlineData("--training-seconds", "soon")]
    [InlineData("--max-audience-models", "-1")]
    [InlineData("--max-pending-audience-models", "-1")]
    [InlineData("--no-such-option", "x")]
    [InlineData("--urls", "http://0.0.0.0:5000")]
    [InlineData("--urls", "https://127.0.0.1:5000")]
    public void Invalid_values_throw_ArgumentException(string name, string value)
    {
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(new[] { name, value }));
    }

    [Fact]
    public void Both_quotas_can_be_lifted_with_none()
    {
        var options = EmulatorOptions.Parse(new[] { "--max-audience-models", "none", "--max-pending-audience-models", "none" });

        Assert.Null(options.MaxAudienceModels);
        Assert.Null(options.MaxPendingAudienceModels);
    }

    [Fact]
    public void A_missing_value_is_reported()
    {
        var error = Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(new[] { "--region" }));
        Assert.Contains("--region", error.Message);
    }
}
