using CleanRoomsML.Client.Constraints;

namespace CleanRoomsML.Emulator.Protocol;

/// <summary>
/// Collects the constraint failures of one request and turns them into the service's wording:
/// <c>2 validation errors detected: Value 'x' at 'name' failed to satisfy constraint: Member must ...; Value ...</c>
/// </summary>
public sealed class ValidationErrors
{
    private const int MaxEchoedLength = 256;
    private readonly List<string> _errors = new();

    public bool Any => _errors.Count > 0;

    public void Add(string? echoedValue, string path, string constraint)
    {
        string value = echoedValue is null ? "null" : $"'{Shorten(echoedValue)}'";
        _errors.Add($"Value {value} at '{path}' failed to satisfy constraint: {constraint}");
    }

    /// <summary>For values that should not be repeated back (tag values), or are too big to be useful.</summary>
    public void AddWithoutValue(string path, string constraint) =>
        _errors.Add($"Value at '{path}' failed to satisfy constraint: {constraint}");

    public void Missing(string path) => Add(null, path, "Member must not be null");

    /// <summary>Checks a string against one shared constraint of the model, in AWS's words.</summary>
    public bool Check(TextConstraint constraint, string value, string path)
    {
        if (Describe(constraint, value) is not { } failure) return true;
        Add(value, path, failure);
        return false;
    }

    /// <summary>The "Member must ..." phrase for the first rule the value breaks, or null when valid.</summary>
    public static string? Describe(TextConstraint constraint, string value)
    {
        var violation = constraint.Check(value);
        if (violation is null) return null;
        if (violation.Kind == ConstraintKind.Length)
        {
            return UnicodeText.CountScalarValues(value) < constraint.MinLength
                ? $"Member must have length greater than or equal to {constraint.MinLength}"
                : $"Member must have length less than or equal to {constraint.MaxLength}";
        }
        return $"Member must satisfy regular expression pattern: {constraint.Pattern}";
    }

    public void ThrowIfAny()
    {
        if (!Any) return;
        string count = _errors.Count == 1 ? "1 validation error" : $"{_errors.Count} validation errors";
        throw ServiceException.Validation($"{count} detected: {string.Join("; ", _errors)}");
    }

    private static string Shorten(string value) =>
        value.Length <= MaxEchoedLength ? value : value.Substring(0, MaxEchoedLength) + "...";
}
