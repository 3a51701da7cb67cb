using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;

namespace CleanRoomsML.PowerShell.Transformation;

/// <summary>
/// Reads a map as a CSV cell holds it: <c>key=value;key2=value2</c> (split on the first '=') or a JSON object.
/// One reader for tags and for a training dataset's columns; only the words in its messages differ.
/// Keys keep their order and must be unique (compared ordinally).
/// </summary>
internal sealed class KeyValueText
{
    public static readonly KeyValueText Tags = new("tag", "tags", "key", "value", "key=value;key2=value2", "{\"team\":\"ml\"}");

    public static readonly KeyValueText Columns = new("column", "columns", "name", "type", "user_id=USER_ID;item_id=ITEM_ID", "{\"user_id\":\"USER_ID\"}");

    private readonly string _item, _items, _key, _value, _form, _jsonExample;

    private KeyValueText(string item, string items, string key, string value, string form, string jsonExample)
    {
        _item = item;
        _items = items;
        _key = key;
        _value = value;
        _form = form;
        _jsonExample = jsonExample;
    }

    /// <summary>The pairs in <paramref name="text"/>, in order. Throws ArgumentTransformationMetadataException with the reason.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parse(string text) =>
        text.TrimStart().StartsWith("{", StringComparison.Ordinal) ? FromJson(text) : FromPairs(text);

    private List<KeyValuePair<string, string>> FromPairs(string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string part in text.Split(';'))
        {
            if (part.Trim().Length == 0) continue;
            int equals = part.IndexOf('=');
            if (equals <= 0) throw Problem($"The {_item} '{part.Trim()}' has no {_key}: write {_items} as {_form}.");
            Add(pairs, seen, part.Substring(0, equals).Trim(), part.Substring(equals + 1).Trim());
        }
        return pairs;
    }

    private List<KeyValuePair<string, string>> FromJson(string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw Problem($"{Capitalized(_items)} in JSON must be an object such as {_jsonExample}.");
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                string value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString() ?? string.Empty,
                    JsonValueKind.Null => string.Empty,
                    JsonValueKind.Object or JsonValueKind.Array =>
                        throw Problem($"The {_value} of the {_item} '{property.Name}' must be text, not a JSON {property.Value.ValueKind}."),
                    _ => property.Value.GetRawText(),
                };
                Add(pairs, seen, property.Name, value);
            }
        }
        catch (JsonException e)
        {
            throw Problem($"The {_items} look like JSON but are not valid JSON: {e.Message}");
        }
        return pairs;
    }

    private void Add(List<KeyValuePair<string, string>> pairs, HashSet<string> seen, string key, string value)
    {
        if (!seen.Add(key)) throw Problem($"The {_item} {_key} '{key}' appears more than once; each {_key} may have one {_value}.");
        pairs.Add(new KeyValuePair<string, string>(key, value));
    }

    private static ArgumentTransformationMetadataException Problem(string message) => new(message);

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word.Substring(1);
}
