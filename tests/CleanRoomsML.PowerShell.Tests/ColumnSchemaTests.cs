using System;
using System.Collections;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using CleanRoomsML.PowerShell.Transformation;
using CleanRoomsML.PowerShell.Validation;

namespace CleanRoomsML.PowerShell.Tests;

/// <summary>-Column of New-CRMLTrainingDataset: what people type becomes the service's schema, in order.</summary>
public sealed class ColumnSchemaTests
{
    private static object? Columns(object? input) => new ColumnSchemaTransformationAttribute().Transform(null!, input);

    private static string Text(object? schema) =>
        string.Join(";", ((OrderedDictionary)schema!).Cast<DictionaryEntry>().Select(e => $"{e.Key}={e.Value}"));

    private static void Validate(object? value)
    {
        MethodInfo validate = typeof(ValidateColumnSchemaAttribute).GetMethod("Validate", BindingFlags.Instance | BindingFlags.NonPublic)!;
        try
        {
            validate.Invoke(new ValidateColumnSchemaAttribute(), new[] { value, null });
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_cell_means_not_set(string? cell) => Assert.Null(Columns(cell));

    [Fact]
    public void Reads_CSV_text_in_order_with_types_upper_cased()
    {
        Assert.Equal("user_id=USER_ID;item_id=ITEM_ID;ts=TIMESTAMP",
            Text(Columns(" user_id = user_id ; item_id=Item_Id;ts=TIMESTAMP; ")));
    }

    [Fact]
    public void Reads_a_JSON_object_in_order()
    {
        Assert.Equal("b=USER_ID;a=ITEM_ID", Text(Columns("{\"b\":\"user_id\",\"a\":\"ITEM_ID\"}")));
    }

    [Fact]
    public void Keeps_the_order_of_an_ordered_dictionary()
    {
        var typed = new OrderedDictionary { ["z"] = "user_id", ["y"] = "timestamp", ["x"] = "numerical_feature" };
        Assert.Equal("z=USER_ID;y=TIMESTAMP;x=NUMERICAL_FEATURE", Text(Columns(typed)));
    }

    [Fact]
    public void Reads_a_hashtable_and_an_object_s_properties()
    {
        Assert.Equal("u=USER_ID", Text(Columns(new Hashtable { ["u"] = "user_id" })));
        var custom = new PSObject();
        custom.Properties.Add(new PSNoteProperty("u", "USER_ID"));
        custom.Properties.Add(new PSNoteProperty("i", "item_id"));
        Assert.Equal("u=USER_ID;i=ITEM_ID", Text(Columns(custom)));
    }

    [Theory]
    [InlineData("=USER_ID", "has no name")]
    [InlineData("a=USER_ID;a=ITEM_ID", "more than once")]
    [InlineData("{\"a\":", "not valid JSON")]
    [InlineData("{\"a\":[\"USER_ID\"]}", "must be text")]
    public void Refuses_malformed_text_with_a_reason(string text, string reason)
    {
        var e = Assert.Throws<ArgumentTransformationMetadataException>(() => Columns(text));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Refuses_other_types_and_shows_the_forms_it_takes()
    {
        var e = Assert.Throws<ArgumentTransformationMetadataException>(() => Columns(42));
        Assert.Contains("user_id=USER_ID", e.Message);
    }

    [Fact]
    public void Accepts_every_column_type_of_the_service()
    {
        Validate(Columns("a=user_id;b=item_id;c=timestamp;d=categorical_feature;e=numerical_feature"));
    }

    [Fact]
    public void Names_the_column_and_lists_the_valid_types_for_an_unknown_type()
    {
        var e = Assert.Throws<ValidationMetadataException>(() => Validate(Columns("user_id=USER_ID;when=date")));
        Assert.Contains("'DATE' is not a column type (column 'when')", e.Message);
        Assert.Contains("USER_ID, ITEM_ID, TIMESTAMP, CATEGORICAL_FEATURE, NUMERICAL_FEATURE", e.Message);
    }

    [Fact]
    public void Refuses_a_column_name_Glue_does_not_allow()
    {
        var e = Assert.Throws<ValidationMetadataException>(() => Validate(Columns("user--id=USER_ID")));
        Assert.Contains("not a valid column name", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Refuses_a_schema_of_other_than_1_to_100_columns(int count)
    {
        var schema = new OrderedDictionary();
        for (int i = 0; i < count; i++) schema[$"c{i}"] = "NUMERICAL_FEATURE";
        var e = Assert.Throws<ValidationMetadataException>(() => Validate(schema));
        Assert.Contains($"1 to 100 columns; {count} were given", e.Message);
    }

    [Fact]
    public void Accepts_100_columns()
    {
        var schema = new OrderedDictionary();
        for (int i = 0; i < 100; i++) schema[$"c{i}"] = "NUMERICAL_FEATURE";
        Validate(schema);
    }
}
