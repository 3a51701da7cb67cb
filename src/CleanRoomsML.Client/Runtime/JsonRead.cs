using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CleanRoomsML.Client.Runtime;

/// <summary>Small, forgiving readers for response members: a missing optional member reads as null.</summary>
internal static class JsonRead
{
    public static string? String(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    public static string RequiredString(JsonElement obj, string name) =>
        String(obj, name) ?? throw new FormatException($"The response has no '{name}' member.");

    public static DateTime? Time(JsonElement obj, string name)
    {
        string? text = String(obj, name);
        if (text is null) return null;
        return Iso8601.TryParse(text, out DateTime utc) ? utc : throw new FormatException($"The response member '{name}' is not an ISO-8601 time: '{text}'.");
    }

    public static IReadOnlyDictionary<string, string>? StringMap(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out JsonElement map) || map.ValueKind != JsonValueKind.Object)
            return null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty p in map.EnumerateObject()) result[p.Name] = p.Value.GetString() ?? string.Empty;
        return result;
    }
}
