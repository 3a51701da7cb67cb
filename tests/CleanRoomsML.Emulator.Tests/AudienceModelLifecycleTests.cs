using CleanRoomsML.Emulator.State;

namespace CleanRoomsML.Emulator.Tests;

/// <summary>The status rule itself, at chosen instants, without a server.</summary>
public class AudienceModelLifecycleTests
{
    private static readonly DateTime Created = new(2024, 1, 15, 10, 0, 0, DateTimeKind.Utc);

    private static AudienceModel Model(double trainingSeconds, bool willFail = false) => new(
        "arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-model/m", "m", "us-east-1",
        EmulatorDefaults.SeedDatasetArn("us-east-1"), EmulatorDefaults.SeedDatasetName, null, null, null, null,
        Created, TimeSpan.FromSeconds(trainingSeconds), willFail);

    [Theory]
    [InlineData(0, 0, "ACTIVE")]
    [InlineData(30, 0, "CREATE_PENDING")]
    [InlineData(30, 9.9, "CREATE_PENDING")]
    [InlineData(30, 10, "CREATE_IN_PROGRESS")]
    [InlineData(30, 29.9, "CREATE_IN_PROGRESS")]
    [InlineData(30, 30, "ACTIVE")]
    public void Status_follows_the_time_since_creation(double trainingSeconds, double secondsLater, string expected)
    {
        Assert.Equal(expected, AudienceModelLifecycle.At(Model(trainingSeconds), Created.AddSeconds(secondsLater)).Status);
    }

    [Fact]
    public void A_model_read_at_an_instant_before_its_create_time_is_where_it_was_at_creation()
    {
        var before = Created.AddMilliseconds(-5);

        Assert.Equal("ACTIVE", AudienceModelLifecycle.At(Model(0), before).Status);
        Assert.Equal("CREATE_PENDING", AudienceModelLifecycle.At(Model(30), before).Status);
        Assert.Equal(Created, AudienceModelLifecycle.At(Model(0), before).UpdateTime);
    }

    [Theory]
    [InlineData(30, 0, false, true)]
    [InlineData(30, 15, false, true)]
    [InlineData(30, 30, false, false)]
    [InlineData(30, 15, true, true)]
    [InlineData(30, 30, true, false)]
    [InlineData(0, 0, false, false)]
    public void IsTraining_is_true_while_CREATE_PENDING_or_CREATE_IN_PROGRESS(double trainingSeconds, double secondsLater, bool willFail, bool expected)
    {
        var model = Model(trainingSeconds, willFail);
        var at = Created.AddSeconds(secondsLater);

        Assert.Equal(expected, AudienceModelLifecycle.IsTraining(model, at));
        Assert.Equal(expected, AudienceModelLifecycle.At(model, at).Status is "CREATE_PENDING" or "CREATE_IN_PROGRESS");
    }
}
