using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using CleanRoomsML.Client.Model;
using CleanRoomsML.PowerShell.Output;

namespace CleanRoomsML.PowerShell.Tests;

/// <summary>The client's view of a training dataset becomes the object the cmdlets write.</summary>
public sealed class TrainingDatasetMappingTests
{
    private const string Arn = "arn:aws:cleanrooms-ml:eu-west-1:123456789012:training-dataset/abc";

    private static TrainingDatasetDetails Full() => new()
    {
        TrainingDatasetArn = Arn,
        Name = "orders",
        Status = "ACTIVE",
        CreateTime = new DateTime(2024, 1, 15, 10, 0, 0, DateTimeKind.Utc),
        UpdateTime = new DateTime(2024, 1, 15, 11, 0, 0, DateTimeKind.Unspecified),
        Description = "d",
        RoleArn = "arn:aws:iam::123456789012:role/reader",
        DatabaseName = "db",
        TableName = "orders",
        CatalogId = "210987654321",
        Columns = new[] { new TrainingDatasetColumn("u", "USER_ID"), new TrainingDatasetColumn("i", "ITEM_ID"), new TrainingDatasetColumn("t", "TIMESTAMP") },
        Tags = new Dictionary<string, string> { ["Team"] = "a", ["team"] = "b" },
        RequestId = "req-1",
    };

    [Fact]
    public void Maps_every_field_of_a_Get_answer()
    {
        TrainingDataset d = TrainingDatasetMapper.FromGet(Full(), "eu-west-1");

        Assert.Equal(Arn, d.TrainingDatasetArn);
        Assert.Equal("orders", d.Name);
        Assert.Equal("ACTIVE", d.Status);
        Assert.Equal("d", d.Description);
        Assert.Equal("arn:aws:iam::123456789012:role/reader", d.RoleArn);
        Assert.Equal("db", d.DatabaseName);
        Assert.Equal("orders", d.TableName);
        Assert.Equal("210987654321", d.CatalogId);
        Assert.Equal("eu-west-1", d.Region);
        Assert.Equal("req-1", d.RequestId);
        Assert.Equal(DateTimeKind.Utc, d.CreateTime!.Value.Kind);
        Assert.Equal(new DateTime(2024, 1, 15, 11, 0, 0, DateTimeKind.Utc), d.UpdateTime);
        Assert.Equal(DateTimeKind.Utc, d.UpdateTime!.Value.Kind);
    }

    [Fact]
    public void Keeps_the_schema_in_order_as_column_name_to_type()
    {
        TrainingDataset d = TrainingDatasetMapper.FromGet(Full(), "eu-west-1");
        Assert.Equal(new[] { "u", "i", "t" }, d.Columns!.Keys.Cast<string>());
        Assert.Equal("TIMESTAMP", d.Columns["t"]);
    }

    [Fact]
    public void Keeps_tag_keys_that_differ_only_in_case_apart()
    {
        Hashtable tags = TrainingDatasetMapper.FromGet(Full(), "eu-west-1").Tags!;
        Assert.Equal(2, tags.Count);
        Assert.Equal("a", tags["Team"]);
        Assert.Equal("b", tags["team"]);
    }

    [Fact]
    public void A_Get_answer_without_tags_has_an_empty_tag_table()
    {
        var details = new TrainingDatasetDetails { TrainingDatasetArn = Arn, Name = "n", Status = "ACTIVE" };
        Assert.Empty(TrainingDatasetMapper.FromGet(details, "eu-west-1").Tags!);
    }

    [Fact]
    public void A_list_summary_leaves_what_it_does_not_report_unknown()
    {
        var summary = new TrainingDatasetDetails { TrainingDatasetArn = Arn, Name = "n", Status = "ACTIVE", Description = "d" };
        TrainingDataset d = TrainingDatasetMapper.FromSummary(summary, "eu-west-1");
        Assert.Null(d.Tags);
        Assert.Null(d.Columns);
        Assert.Null(d.RoleArn);
        Assert.Equal("d", d.Description);
    }

    [Fact]
    public void Its_string_form_is_the_ARN() =>
        Assert.Equal(Arn, TrainingDatasetMapper.FromGet(Full(), "eu-west-1").ToString());

    [Fact]
    public void A_resource_tag_reads_as_key_equals_value() =>
        Assert.Equal("team=ml", new ResourceTag(Arn, "team", "ml").ToString());
}
