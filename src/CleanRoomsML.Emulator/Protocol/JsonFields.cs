using System.Text.Json;
using CleanRoomsML.Client.Constraints;

namespace CleanRoomsML.Emulator.Protocol;

/// <summary>
/// Reads the members of one JSON object of a request, checking presence, JSON type and constraints, and
/// recording every failure in a shared <see cref="ValidationErrors"/> under the member's AWS path
/// (e.g. <c>trainingData.1.member.type</c>). A JSON null counts as absent; unknown members are ignored.
/// </summary>
public sealed class JsonFields
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
    private readonly JsonElement _object;
    private readonly string _pathPrefix;

    public JsonFields(JsonElement jsonObject, string pathPrefix, ValidationErrors errors)
    {
        _object = jsonObject;
        _pathPrefix = pathPrefix;
        Errors = errors;
    }

    public ValidationErrors Errors { get; }

    public string PathOf(string member) => _pathPrefix.Length == 0 ? member : $"{_pathPrefix}.{member}";

    public string? String(string member, bool required, TextConstraint? constraint = null)
    {
        if (Find(member, required) is not { } element) return null;
        if (element.ValueKind != JsonValueKind.String)
        {
            Errors.Add(element.GetRawText(), PathOf(member), "Member must be a string");
            return null;
        }
        string value = element.GetString()!;
        if (constraint is not null && !Errors.Check(constraint, value, PathOf(member))) return null;
        return value;
    }

    public string? Enum(string member, bool required, IReadOnlyList<string> allowed)
    {
        string? value = String(member, required);
        if (value is null || allowed.Contains(value, StringComparer.Ordinal)) return value;
        Errors.Add(value, PathOf(member), $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
        return null;
    }

    /// <summary>A Smithy date-time timestamp: an RFC 3339 string.</summary>
    public DateTime? Timestamp(string member, bool required)
    {
        if (Find(member, required) is not { } element) return null;
        if (element.ValueKind == JsonValueKind.String && Rfc3339.TryParse(element.GetString()!, out DateTime utc)) return utc;
        Errors.Add(element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText(), PathOf(member),
            "Member must be a timestamp in RFC 3339 date-time form, such as 2024-01-15T00:00:00Z");
        return null;
    }

    /// <summary>The members of a JSON array with its length checked; each item is checked by the caller.</summary>
    public IReadOnlyList<JsonElement>? List(string member, bool required, int minItems, int maxItems)
    {
        if (Find(member, required) is not { } element) return null;
        if (element.ValueKind != JsonValueKind.Array)
        {
            Errors.Add(element.GetRawText(), PathOf(member), "Member must be a list");
            return null;
        }
        var items = element.EnumerateArray().ToList();
        if (items.Count < minItems)
        {
            Errors.Add(element.GetRawText(), PathOf(member), $"Member must have length greater than or equal to {minItems}");
            return null;
        }
        if (items.Count > maxItems)
        {
            Errors.Add(element.GetRawText(), PathOf(member), $"Member must have length less than or equal to {maxItems}");
            return null;
        }
        return items;
    }

    public JsonFields? Object(string member, bool required) =>
        Find(member, required) is { } element ? AsObject(element, PathOf(member)) : null;

    /// <summary>A list item that must be an object; its path is <c>list.N.member</c>, N from 1.</summary>
    public JsonFields? Item(JsonElement item, string listMember, int index) =>
        AsObject(item, $"{PathOf(listMember)}.{index + 1}.member");

    /// <summary>A TagMap: JSON object of string values, checked with the shared tag rules.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Tags(string member, bool required)
    {
        if (Find(member, required) is not { } element) return null;
        string path = PathOf(member);
        if (element.ValueKind != JsonValueKind.Object)
        {
            Errors.AddWithoutValue(path, "Member must be a map of tag keys to tag values");
            return null;
        }
        var tags = new List<KeyValuePair<string, string>>();
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                Errors.AddWithoutValue(path, $"Map value of key '{property.Name}' must be a string");
                continue;
            }
            tags.Add(new KeyValuePair<string, string>(property.Name, property.Value.GetString()!));
        }
        if (tags.Count > 200)
        {
            Errors.AddWithoutValue(path, "Member must have length less than or equal to 200");
            return null;
        }
        return TagRules.Check(tags, path, Errors) ? tags : null;
    }

    public static JsonFields ParseBody(ReadOnlyMemory<byte> body, ValidationErrors errors)
    {
        if (body.IsEmpty) return new JsonFields(EmptyObject, "", errors);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw ServiceException.Serialization($"The request body is not valid JSON: {e.Message}");
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ServiceException.Serialization("The request body must be a JSON object.");
        }
        return new JsonFields(root, "", errors);
    }

    private JsonFields? AsObject(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object) return new JsonFields(element, path, Errors);
        Errors.Add(element.GetRawText(), path, "Member must be a structure");
        return null;
    }

    private JsonElement? Find(string member, bool required)
    {
        if (_object.TryGetProperty(member, out var element) && element.ValueKind != JsonValueKind.Null) return element;
        if (required) Errors.Missing(PathOf(member));
        return null;
    }
}
