using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Management.Automation;
using CleanRoomsML.Client.Model;

namespace CleanRoomsML.PowerShell.Transformation;

/// <summary>
/// Turns a training dataset's columns as people write them into an ordered dictionary of column name to
/// column type: a hashtable or <c>[ordered]</c> dictionary, an object's properties, or, as a CSV cell holds
/// them, the text <c>user_id=USER_ID;item_id=ITEM_ID</c> or a JSON object. The order is kept (a plain
/// hashtable has none of its own); types are read in any letter case and given upper-case, as the service
/// spells them. Blank is "not set".
/// </summary>
public sealed class ColumnSchemaTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = BlankValue.Unwrap(inputData);
        return value switch
        {
            null => null,
            string text when string.IsNullOrWhiteSpace(text) => null,
            string text => ToSchema(KeyValueText.Columns.Parse(text)),
            IDictionary dictionary => ToSchema(Pairs(dictionary)),
            PSObject { BaseObject: PSCustomObject } custom => ToSchema(Pairs(custom)),
            _ => throw new ArgumentTransformationMetadataException(
                $"Columns must be a hashtable of column name to column type such as [ordered]@{{ user_id = 'USER_ID'; ts = 'TIMESTAMP' }}, text of the form user_id=USER_ID;ts=TIMESTAMP, or a JSON object; got a {value.GetType().Name}."),
        };
    }

    /// <summary>The columns of a schema built by this transformation, in order, as the client sends them.</summary>
    internal static IReadOnlyList<TrainingDatasetColumn> ToColumns(IDictionary schema)
    {
        var columns = new List<TrainingDatasetColumn>(schema.Count);
        foreach (DictionaryEntry entry in schema)
        {
            columns.Add(new TrainingDatasetColumn(TagTransformationAttribute.ToText(entry.Key), TagTransformationAttribute.ToText(entry.Value)));
        }
        return columns;
    }

    private static OrderedDictionary ToSchema(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var schema = new OrderedDictionary();
        foreach (KeyValuePair<string, string> pair in pairs)
        {
            schema[pair.Key.Trim()] = pair.Value.Trim().ToUpper(CultureInfo.InvariantCulture);
        }
        return schema;
    }

    private static IEnumerable<KeyValuePair<string, string>> Pairs(IDictionary dictionary)
    {
        foreach (DictionaryEntry entry in dictionary)
        {
            yield return new KeyValuePair<string, string>(TagTransformationAttribute.ToText(entry.Key), TagTransformationAttribute.ToText(entry.Value));
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Pairs(PSObject custom)
    {
        foreach (PSPropertyInfo property in custom.Properties)
        {
            yield return new KeyValuePair<string, string>(property.Name, TagTransformationAttribute.ToText(property.Value));
        }
    }
}
