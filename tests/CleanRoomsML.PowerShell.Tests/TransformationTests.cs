using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using CleanRoomsML.PowerShell.Transformation;

namespace CleanRoomsML.PowerShell.Tests;

/// <summary>How CSV cells and typed values become parameter values.</summary>
public sealed class TransformationTests
{
    private static object? Tags(object? input) => new TagTransformationAttribute().Transform(null!, input);

    private static object? Date(object? input) => new UtcDateTimeTransformationAttribute().Transform(null!, input);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_cell_means_not_set(string? cell)
    {
        Assert.Null(Tags(cell));
        Assert.Null(Date(cell));
        Assert.Null(new BlankAsNullAttribute().Transform(null!, cell));
    }

    [Fact]
    public void Splits_key_value_pairs_on_the_first_equals_sign()
    {
        var tags = (Hashtable)Tags("team=growth; formula=a=b ;empty=")!;
        Assert.Equal("growth", tags["team"]);
        Assert.Equal("a=b", tags["formula"]);
        Assert.Equal("", tags["empty"]);
        Assert.Equal(3, tags.Count);
    }

    [Fact]
    public void Keeps_keys_that_differ_only_in_case_apart()
    {
        var tags = (Hashtable)Tags("Team=a;team=b")!;
        Assert.Equal("a", tags["Team"]);
        Assert.Equal("b", tags["team"]);
    }

    [Fact]
    public void Reads_a_json_object_with_non_string_values_as_text()
    {
        var tags = (Hashtable)Tags("{\"team\":\"ml\",\"size\":3,\"pilot\":true}")!;
        Assert.Equal("ml", tags["team"]);
        Assert.Equal("3", tags["size"]);
        Assert.Equal("true", tags["pilot"]);
    }

    [Theory]
    [InlineData("=novalue")]
    [InlineData("a=1;a=2")]
    [InlineData("{\"a\":")]
    [InlineData("{\"a\":{\"nested\":1}}")]
    public void Refuses_malformed_tag_text_with_a_reason(string text)
    {
        var e = Assert.Throws<ArgumentTransformationMetadataException>(() => Tags(text));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void Turns_hashtable_values_into_invariant_culture_text()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var tags = (Hashtable)Tags(new Hashtable { ["ratio"] = 1.5, ["count"] = 1000, ["on"] = false })!;
            Assert.Equal("1.5", tags["ratio"]);
            Assert.Equal("1000", tags["count"]);
            Assert.Equal("false", tags["on"]);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Reads_ISO_text_as_utc_when_it_has_no_offset()
    {
        var value = (DateTime)Date("2024-03-01T10:00:00")!;
        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(new DateTime(2024, 3, 1, 10, 0, 0, DateTimeKind.Utc), value);
    }

    [Fact]
    public void Converts_offsets_and_local_times_to_utc()
    {
        Assert.Equal(new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc),
            (DateTime)Date(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(2)))!);
        var local = new DateTime(2024, 3, 1, 10, 0, 0, DateTimeKind.Local);
        Assert.Equal(local.ToUniversalTime(), (DateTime)Date(local)!);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)Date(new DateTime(2024, 3, 1))!).Kind);
    }

    [Fact]
    public void Names_the_expected_form_for_an_unparseable_date()
    {
        var e = Assert.Throws<ArgumentTransformationMetadataException>(() => Date("31.12.2024"));
        Assert.Contains("'31.12.2024' is not a date", e.Message);
        Assert.Contains("ISO-8601", e.Message);
    }
}
