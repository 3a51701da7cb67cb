using System;
using System.Collections.Generic;
using CleanRoomsML.Client.Model;
using CleanRoomsML.PowerShell.Output;

namespace CleanRoomsML.PowerShell.Tests;

/// <summary>How the client's audience model becomes the cmdlets' output object.</summary>
public sealed class AudienceModelMapperTests
{
    private const string Arn = "arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-model/abc";
    private const string Dataset = "arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/demo";

    private static AudienceModelDetails Details(IReadOnlyDictionary<string, string>? tags = null, string? code = null, string? message = null) => new()
    {
        AudienceModelArn = Arn,
        Name = "m",
        TrainingDatasetArn = Dataset,
        Status = "CREATE_FAILED",
        StatusCode = code,
        StatusMessage = message,
        CreateTime = new DateTime(2024, 1, 15, 10, 0, 0, DateTimeKind.Utc),
        UpdateTime = new DateTime(2024, 1, 15, 10, 5, 0, DateTimeKind.Unspecified),
        Description = "d",
        KmsKeyArn = "arn:aws:kms:us-east-1:123456789012:key/k",
        Tags = tags,
        RequestId = "req-1",
    };

    [Fact]
    public void Copies_every_field_of_a_get_answer()
    {
        AudienceModel model = AudienceModelMapper.FromGet(Details(code: "TRAINING_FAILED", message: "bad data"), "us-east-1");

        Assert.Equal(Arn, model.AudienceModelArn);
        Assert.Equal("m", model.Name);
        Assert.Equal(Dataset, model.TrainingDatasetArn);
        Assert.Equal("CREATE_FAILED", model.Status);
        Assert.Equal("TRAINING_FAILED", model.StatusCode);
        Assert.Equal("bad data", model.StatusMessage);
        Assert.Equal("d", model.Description);
        Assert.Equal("arn:aws:kms:us-east-1:123456789012:key/k", model.KmsKeyArn);
        Assert.Equal("us-east-1", model.Region);
        Assert.Equal("req-1", model.RequestId);
        Assert.Equal(Arn, model.ToString());
    }

    [Fact]
    public void Gives_every_time_in_utc()
    {
        AudienceModel model = AudienceModelMapper.FromGet(Details(), "us-east-1");

        Assert.Equal(DateTimeKind.Utc, model.CreateTime!.Value.Kind);
        Assert.Equal(DateTimeKind.Utc, model.UpdateTime!.Value.Kind);
        Assert.Equal(new DateTime(2024, 1, 15, 10, 5, 0, DateTimeKind.Utc), model.UpdateTime);
    }

    [Fact]
    public void Keeps_tag_keys_case_sensitive()
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["Team"] = "a", ["team"] = "b" };
        AudienceModel model = AudienceModelMapper.FromGet(Details(tags), "us-east-1");

        Assert.Equal(2, model.Tags!.Count);
        Assert.Equal("a", model.Tags["Team"]);
        Assert.Equal("b", model.Tags["team"]);
    }

    [Fact]
    public void A_get_answer_without_tags_has_an_empty_tag_table()
    {
        AudienceModel model = AudienceModelMapper.FromGet(Details(tags: null), "us-east-1");

        Assert.NotNull(model.Tags);
        Assert.Empty(model.Tags!);
    }

    [Fact]
    public void A_list_summary_has_unknown_tags_not_an_empty_table()
    {
        AudienceModel model = AudienceModelMapper.FromSummary(Details(tags: null), "us-east-1");

        Assert.Null(model.Tags);
        Assert.Equal("CREATE_FAILED", model.Status);
    }

    [Fact]
    public void Blank_status_details_are_null()
    {
        AudienceModel model = AudienceModelMapper.FromGet(Details(code: "", message: ""), "us-east-1");

        Assert.Null(model.StatusCode);
        Assert.Null(model.StatusMessage);
    }
}
