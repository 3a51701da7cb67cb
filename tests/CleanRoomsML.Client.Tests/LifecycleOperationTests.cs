using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Model;

namespace CleanRoomsML.Client.Tests;

/// <summary>The operations around CreateAudienceModel, each over real HTTP against the emulator.</summary>
public sealed class LifecycleOperationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public LifecycleOperationTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Reset();
    }

    private CleanRoomsMLConnection Open() => CleanRoomsMLConnection.Open(_emulator.Settings());

    private static NewTrainingDataset Dataset(string name) => new(
        name, "arn:aws:iam::123456789012:role/CleanRoomsML", "sales_db", "interactions 2024",
        new[] { new TrainingDatasetColumn("user_id", "USER_ID"), new TrainingDatasetColumn("item_id", "ITEM_ID"), new TrainingDatasetColumn("ts", "TIMESTAMP") })
    {
        CatalogId = "123456789012",
        Description = "clicks",
        Tags = new Dictionary<string, string> { ["team"] = "ml" },
    };

    [Fact]
    public async Task Lists_audience_models_page_by_page_with_the_next_token()
    {
        using var connection = Open();
        for (int i = 0; i < 5; i++) await connection.CreateAudienceModelAsync(new NewAudienceModel($"paged-{i}", _emulator.SeedDatasetArn), null, default);

        var names = new List<string>();
        string? token = null;
        int pages = 0;
        do
        {
            var page = await connection.ListAudienceModelsAsync(new PageRequest { MaxResults = 2, NextToken = token }, null, default);
            Assert.True(page.Items.Count <= 2);
            names.AddRange(page.Items.Select(m => m.Name));
            token = page.NextToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"paged-{i}").OrderBy(n => n), names.OrderBy(n => n));
        Assert.Contains("maxResults=2", _emulator.Control.LastRequest!.Query);
    }

    [Fact]
    public async Task Deletes_an_audience_model_which_then_is_not_found()
    {
        using var connection = Open();
        var created = await connection.CreateAudienceModelAsync(new NewAudienceModel("short-lived", _emulator.SeedDatasetArn), null, default);

        var receipt = await connection.DeleteAudienceModelAsync(created.Arn, null, default);

        Assert.False(string.IsNullOrEmpty(receipt.RequestId));
        Assert.Equal("DELETE", _emulator.Control.LastRequest!.Method);
        var e = await Assert.ThrowsAsync<CleanRoomsMLRequestException>(() => connection.GetAudienceModelAsync(created.Arn, null, default));
        Assert.Equal("ResourceNotFoundException", e.ErrorCode);
    }

    [Fact]
    public async Task Creates_reads_lists_and_deletes_a_training_dataset()
    {
        using var connection = Open();
        NewTrainingDataset input = Dataset("clicks-2024");
        Assert.Empty(input.Validate());

        var created = await connection.CreateTrainingDatasetAsync(input, null, default);
        TrainingDatasetDetails read = await connection.GetTrainingDatasetAsync(created.Arn, null, default);
        var listed = await connection.ListTrainingDatasetsAsync(new PageRequest(), null, default);
        await connection.DeleteTrainingDatasetAsync(created.Arn, null, default);

        Assert.Equal("clicks-2024", read.Name);
        Assert.Equal("ACTIVE", read.Status);
        Assert.Equal("sales_db", read.DatabaseName);
        Assert.Equal("interactions 2024", read.TableName);
        Assert.Equal("123456789012", read.CatalogId);
        Assert.Equal(new[] { "user_id:USER_ID", "item_id:ITEM_ID", "ts:TIMESTAMP" }, read.Columns!.Select(c => $"{c.Name}:{c.Type}"));
        Assert.Equal("ml", read.Tags!["team"]);
        Assert.Contains(listed.Items, d => d.TrainingDatasetArn == created.Arn);
        var e = await Assert.ThrowsAsync<CleanRoomsMLRequestException>(() => connection.GetTrainingDatasetAsync(created.Arn, null, default));
        Assert.Equal(404, e.StatusCode);
    }

    [Fact]
    public async Task Refuses_to_delete_a_training_dataset_that_a_model_uses()
    {
        using var connection = Open();
        var dataset = await connection.CreateTrainingDatasetAsync(Dataset("in-use"), null, default);
        await connection.CreateAudienceModelAsync(new NewAudienceModel("user", dataset.Arn), null, default);

        var e = await Assert.ThrowsAsync<CleanRoomsMLRequestException>(() => connection.DeleteTrainingDatasetAsync(dataset.Arn, null, default));

        Assert.Equal("ConflictException", e.ErrorCode);
        Assert.Equal(409, e.StatusCode);
    }

    [Fact]
    public async Task Tags_lists_and_untags_with_repeated_tagKeys()
    {
        using var connection = Open();
        var model = await connection.CreateAudienceModelAsync(new NewAudienceModel("tagged", _emulator.SeedDatasetArn), null, default);

        await connection.TagResourceAsync(model.Arn, new Dictionary<string, string> { ["a"] = "1", ["b"] = "2", ["c"] = "3" }, null, default);
        await connection.UntagResourceAsync(model.Arn, new[] { "a", "b" }, null, default);
        var untagRequest = _emulator.Control.LastRequest!;
        var tags = await connection.ListTagsForResourceAsync(model.Arn, null, default);

        Assert.Equal(200, untagRequest.Status);
        Assert.Contains("tagKeys=a", untagRequest.Query);
        Assert.Contains("tagKeys=b", untagRequest.Query);
        Assert.Equal(new Dictionary<string, string> { ["c"] = "3" }, tags);
    }

    [Fact]
    public void Validates_a_training_dataset_before_sending()
    {
        var bad = new NewTrainingDataset("x", "arn:aws:iam::123456789012:user/not-a-role", "db--bad", "t", new[] { new TrainingDatasetColumn("c", "COLOR") });

        var kinds = bad.Validate().Select(v => v.Message).ToList();

        Assert.Contains(kinds, m => m.Contains("IAM role ARN"));
        Assert.Contains(kinds, m => m.Contains("Glue database name"));
        Assert.Contains(kinds, m => m.Contains("'COLOR' is not a column type"));
    }
}
