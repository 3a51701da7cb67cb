using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CleanRoomsML.Client.Constraints;

namespace CleanRoomsML.Client.Tests;

/// <summary>The rules of the service model, written once and used by the cmdlets, the client and the emulator.</summary>
public sealed class ServiceConstraintTests
{
    private const string DatasetArn = "arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/abc";

    [Theory]
    [InlineData(1)]
    [InlineData(63)]
    public void Accepts_names_of_1_to_63_characters(int length) =>
        Assert.Null(ServiceConstraints.Name.Check(new string('n', length)));

    [Fact]
    public void Rejects_a_64_character_name_naming_the_rule_and_the_length()
    {
        var violation = ServiceConstraints.Name.Check(new string('n', 64))!;
        Assert.Equal(ConstraintKind.Length, violation.Kind);
        Assert.Contains("1 to 63 characters", violation.Message);
        Assert.Contains("64 characters long", violation.Message);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("line\nbreak")]
    [InlineData("carriage\rreturn")]
    public void Rejects_blank_names_and_line_breaks(string name) =>
        Assert.Equal(ConstraintKind.Pattern, ServiceConstraints.Name.Check(name)!.Kind);

    [Theory]
    [InlineData("tab\tinside")]
    [InlineData("Modèle-日本")]
    [InlineData(" leading space is fine")]
    public void Accepts_printable_unicode_names(string name) => Assert.Null(ServiceConstraints.Name.Check(name));

    [Fact]
    public void Counts_lengths_in_unicode_scalar_values_not_utf16_units()
    {
        Assert.Equal(1, UnicodeText.CountScalarValues("😀"));
        Assert.Equal(256, UnicodeText.CountScalarValues(string.Concat(Enumerable.Repeat("😀", 256))));
        Assert.Null(ServiceConstraints.TagValue.Check(string.Concat(Enumerable.Repeat("😀", 256))));
        Assert.NotNull(ServiceConstraints.TagValue.Check(string.Concat(Enumerable.Repeat("😀", 257))));
    }

    [Theory]
    [InlineData(DatasetArn, true)]
    [InlineData("arn:aws-cn:cleanrooms-ml:cn-north-1:123456789012:training-dataset/a.b_c-d/e", true)]
    [InlineData("arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-model/abc", false)]
    [InlineData("arn:aws:cleanrooms-ml:us-east-1:12345678901:training-dataset/abc", false)]
    [InlineData(DatasetArn + "\n", false)]
    [InlineData(DatasetArn + " trailing", false)]
    [InlineData("prefix " + DatasetArn, false)]
    public void Matches_training_dataset_arns_as_a_whole(string arn, bool valid) =>
        Assert.Equal(valid, ServiceConstraints.TrainingDatasetArn.Check(arn) is null);

    [Fact]
    public void Rejects_an_arn_shorter_than_20_characters() =>
        Assert.Equal(ConstraintKind.Length, ServiceConstraints.KmsKeyArn.Check("arn:aws:kms:x")!.Kind);

    [Fact]
    public void Allows_descriptions_with_line_breaks_up_to_255_characters()
    {
        Assert.Null(ServiceConstraints.Description.Check("two\r\nlines"));
        Assert.Null(ServiceConstraints.Description.Check(new string('d', 255)));
        Assert.NotNull(ServiceConstraints.Description.Check(new string('d', 256)));
    }

    private static IEnumerable<KeyValuePair<string, string>> Tags(int count) =>
        Enumerable.Range(0, count).Select(i => new KeyValuePair<string, string>($"k{i}", "v"));

    [Fact]
    public void Allows_50_tags_and_refuses_51()
    {
        Assert.Empty(ServiceConstraints.CheckTags(Tags(50)));
        var violation = Assert.Single(ServiceConstraints.CheckTags(Tags(51)));
        Assert.Equal(ConstraintKind.Count, violation.Kind);
        Assert.Contains("51", violation.Message);
    }

    [Theory]
    [InlineData("aws:owner")]
    [InlineData("AWS:owner")]
    [InlineData("Aws:Owner")]
    public void Refuses_reserved_tag_keys_in_any_letter_case(string key) =>
        Assert.Contains(ServiceConstraints.CheckTags(new[] { new KeyValuePair<string, string>(key, "x") }), v => v.Kind == ConstraintKind.ReservedPrefix);

    [Fact]
    public void Allows_aws_prefix_in_values_and_case_variants_of_a_key()
    {
        var tags = new[] { new KeyValuePair<string, string>("team", "aws:ok"), new KeyValuePair<string, string>("Team", "other") };
        Assert.Empty(ServiceConstraints.CheckTags(tags));
    }

    [Fact]
    public void Refuses_duplicate_keys_and_reports_every_broken_rule()
    {
        var tags = new[]
        {
            new KeyValuePair<string, string>("dup", "1"),
            new KeyValuePair<string, string>("dup", "2"),
            new KeyValuePair<string, string>(new string('k', 129), "x"),
            new KeyValuePair<string, string>("long", new string('v', 257)),
        };

        var kinds = ServiceConstraints.CheckTags(tags).Select(v => v.Kind).ToList();

        Assert.Contains(ConstraintKind.Duplicate, kinds);
        Assert.Equal(2, kinds.Count(k => k == ConstraintKind.Length));
    }

    [Fact]
    public void Requires_the_training_window_to_start_before_it_ends()
    {
        var start = new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Null(ServiceConstraints.CheckTrainingWindow(start, start.AddDays(1)));
        Assert.Null(ServiceConstraints.CheckTrainingWindow(start, null));
        Assert.Equal(ConstraintKind.Order, ServiceConstraints.CheckTrainingWindow(start, start)!.Kind);
        Assert.Contains("2024-02-01T00:00:00Z", ServiceConstraints.CheckTrainingWindow(start.AddDays(1), start)!.Message);
    }

    [Theory]
    [InlineData("2024-03-01", "2024-03-01T00:00:00Z")]
    [InlineData("2024-03-01T10:00:00", "2024-03-01T10:00:00Z")]
    [InlineData("2024-03-01T10:00:00Z", "2024-03-01T10:00:00Z")]
    [InlineData("2024-03-01T12:00:00+02:00", "2024-03-01T10:00:00Z")]
    [InlineData("2024-03-01 10:00", "2024-03-01T10:00:00Z")]
    [InlineData("2024-03-01T10:00:00.25Z", "2024-03-01T10:00:00.25Z")]
    public void Parses_iso_8601_the_same_in_every_culture_with_no_offset_meaning_utc(string text, string wire)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (string culture in new[] { "de-DE", "en-US", "ja-JP", "ar-SA" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                Assert.True(Iso8601.TryParse(text, out DateTime utc), culture);
                Assert.Equal(wire, Iso8601.Format(utc));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("01/03/2024")]
    [InlineData("next tuesday")]
    [InlineData("2024-13-01")]
    public void Refuses_text_that_is_not_iso_8601(string text) => Assert.False(Iso8601.TryParse(text, out _));
}
