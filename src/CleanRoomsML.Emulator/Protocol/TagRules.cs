using CleanRoomsML.Client.Constraints;

namespace CleanRoomsML.Emulator.Protocol;

/// <summary>Puts the shared tag rules (<see cref="ServiceConstraints.CheckTags"/>) in the service's wording.</summary>
public static class TagRules
{
    /// <summary>Records each violation under <paramref name="path"/>; true when the tags are valid.</summary>
    public static bool Check(IEnumerable<KeyValuePair<string, string>> tags, string path, ValidationErrors errors)
    {
        var violations = ServiceConstraints.CheckTags(tags);
        foreach (var violation in violations)
        {
            errors.AddWithoutValue(path, Describe(violation));
        }
        return violations.Count == 0;
    }

    /// <summary>Checks one key named in UntagResource's tagKeys.</summary>
    public static bool CheckKey(string key, string path, ValidationErrors errors)
    {
        if (ValidationErrors.Describe(ServiceConstraints.TagKey, key) is { } failure)
        {
            errors.Add(key, path, failure);
            return false;
        }
        if (key.StartsWith(ServiceConstraints.ReservedTagPrefix, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(key, path, $"Member must not begin with '{ServiceConstraints.ReservedTagPrefix}' (reserved for AWS in any letter case)");
            return false;
        }
        return true;
    }

    private static string Describe(ConstraintViolation violation)
    {
        if (violation.Constraint is { } constraint && violation.Value is string value
            && violation.Kind is ConstraintKind.Length or ConstraintKind.Pattern)
        {
            string side = constraint == ServiceConstraints.TagKey ? "Map keys" : "Map values";
            return $"{side} must satisfy constraint: [{ValidationErrors.Describe(constraint, value)}]";
        }
        return violation.Message;
    }
}
