using System;
using System.Collections;
using System.Collections.Generic;
using CleanRoomsML.PowerShell.Transformation;

namespace CleanRoomsML.PowerShell.Output;

/// <summary>
/// Tags as the cmdlets hold them, a Hashtable whose keys compare as the service compares them (ordinally,
/// case-sensitive), and the conversions to and from the client's string map.
/// </summary>
internal static class TagTable
{
    public static Hashtable New() => new(StringComparer.Ordinal);

    /// <summary>The client's tags as a tag table; null stays null (tags not reported).</summary>
    public static Hashtable? From(IEnumerable<KeyValuePair<string, string>>? tags)
    {
        if (tags is null) return null;
        Hashtable table = New();
        foreach (KeyValuePair<string, string> tag in tags) table[tag.Key] = tag.Value;
        return table;
    }

    /// <summary>A tag parameter's entries as text: non-string keys and values in the invariant culture.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Pairs(IDictionary tags)
    {
        foreach (DictionaryEntry entry in tags)
        {
            yield return new KeyValuePair<string, string>(
                TagTransformationAttribute.ToText(entry.Key), TagTransformationAttribute.ToText(entry.Value));
        }
    }

    /// <summary>A tag parameter as the client takes it; null (not given) stays null.</summary>
    public static Dictionary<string, string>? ToClient(IDictionary? tags)
    {
        if (tags is null) return null;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> tag in Pairs(tags)) map[tag.Key] = tag.Value;
        return map;
    }
}
