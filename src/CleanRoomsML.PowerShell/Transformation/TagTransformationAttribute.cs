using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

using CleanRoomsML.PowerShell.Output;

namespace CleanRoomsML.PowerShell.Transformation;

/// <summary>
/// Turns tags as people write them into a case-sensitive Hashtable of string to string: a hashtable or
/// dictionary (values become invariant-culture strings), or, as a CSV cell holds them, the text
/// <c>key=value;key2=value2</c> (split on the first '=') or a JSON object. Blank is "not set".
/// </summary>
public sealed class TagTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = BlankValue.Unwrap(inputData);
        return value switch
        {
            null => null,
            string text when string.IsNullOrWhiteSpace(text) => null,
            string text => FromText(text),
            IDictionary dictionary => FromDictionary(dictionary),
            PSObject { BaseObject: PSCustomObject } custom => FromObject(custom),
            _ => throw new ArgumentTransformationMetadataException(
                $"Tags must be a hashtable, text of the form key=value;key2=value2, or a JSON object; got a {value.GetType().Name}."),
        };
    }

    private static Hashtable FromText(string text)
    {
        var tags = TagTable.New();
        foreach (KeyValuePair<string, string> tag in KeyValueText.Tags.Parse(text)) tags[tag.Key] = tag.Value;
        return tags;
    }

    private static Hashtable FromDictionary(IDictionary dictionary)
    {
        var tags = TagTable.New();
        foreach (DictionaryEntry entry in dictionary)
        {
            tags[ToText(entry.Key)] = ToText(entry.Value);
        }
        return tags;
    }

    private static Hashtable FromObject(PSObject custom)
    {
        var tags = TagTable.New();
        foreach (PSPropertyInfo property in custom.Properties)
        {
            tags[property.Name] = ToText(property.Value);
        }
        return tags;
    }

    /// <summary>Non-string values are sent as invariant-culture text, whatever the session's culture.</summary>
    internal static string ToText(object? value) => BlankValue.Unwrap(value) switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        DateTime d => CleanRoomsML.Client.Iso8601.Format(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? string.Empty,
    };
}
