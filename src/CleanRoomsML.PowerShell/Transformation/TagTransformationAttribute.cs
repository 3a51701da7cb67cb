using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Text.Json;

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
            string text when text.TrimStart().StartsWith("{", StringComparison.Ordinal) => FromJson(text),
            string text => FromPairs(text),
            IDictionary dictionary => FromDictionary(dictionary),
            PSObject { BaseObject: PSCustomObject } custom => FromObject(custom),
            _ => throw new ArgumentTransformationMetadataException(
                $"Tags must be a hashtable, text of the form key=value;key2=value2, or a JSON object; got a {value.GetType().Name}."),
        };
    }

    /// <summary>A Hashtable whose keys compare as the service compares them: ordinally, case-sensitive.</summary>
    internal static Hashtable NewTagTable() => new(StringComparer.Ordinal);

    private static Hashtable FromPairs(string text)
    {
        var tags = NewTagTable();
        foreach (string part in text.Split(';'))
        {
            if (part.Trim().Length == 0) continue;
            int equals = part.IndexOf('=');
            if (equals <= 0)
                throw new ArgumentTransformationMetadataException(
                    $"The tag '{part.Trim()}' has no key: write tags as key=value;key2=value2.");
            string key = part.Substring(0, equals).Trim();
            if (tags.ContainsKey(key))
                throw new ArgumentTransformationMetadataException($"The tag key '{key}' appears more than once; each key may have one value.");
            tags[key] = part.Substring(equals + 1).Trim();
        }
        return tags;
    }

    private static Hashtable FromJson(string text)
    {
        var tags = NewTagTable();
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new ArgumentTransformationMetadataException("Tags in JSON must be an object such as {\"team\":\"ml\"}.");
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                if (tags.ContainsKey(property.Name))
                    throw new ArgumentTransformationMetadataException($"The tag key '{property.Name}' appears more than once; each key may have one value.");
                tags[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => string.Empty,
                    JsonValueKind.Object or JsonValueKind.Array =>
                        throw new ArgumentTransformationMetadataException($"The value of the tag '{property.Name}' must be text, not a JSON {property.Value.ValueKind}."),
                    _ => property.Value.GetRawText(),
                };
            }
        }
        catch (JsonException e)
        {
            throw new ArgumentTransformationMetadataException($"The tags look like JSON but are not valid JSON: {e.Message}");
        }
        return tags;
    }

    private static Hashtable FromDictionary(IDictionary dictionary)
    {
        var tags = NewTagTable();
        foreach (DictionaryEntry entry in dictionary)
        {
            tags[ToText(entry.Key)] = ToText(entry.Value);
        }
        return tags;
    }

    private static Hashtable FromObject(PSObject custom)
    {
        var tags = NewTagTable();
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
