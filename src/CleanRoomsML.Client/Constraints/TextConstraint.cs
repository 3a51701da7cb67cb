using System;
using System.Text.RegularExpressions;

namespace CleanRoomsML.Client.Constraints;

/// <summary>
/// One string constraint of the service model: a length range counted in Unicode scalar values and an
/// optional pattern that must match the whole value.
/// </summary>
public sealed class TextConstraint
{
    private readonly Regex? _pattern;

    public TextConstraint(string member, string description, int minLength, int maxLength,
        string? pattern = null, string? expectedForm = null)
    {
        Member = member;
        Description = description;
        MinLength = minLength;
        MaxLength = maxLength;
        Pattern = pattern;
        ExpectedForm = expectedForm;
        // Smithy patterns are ECMA-262 and not anchored; the service applies them to the whole value.
        // \A...\z rather than ^...$ because $ also matches before a trailing newline.
        _pattern = pattern is null ? null : new Regex(@"\A(?:" + pattern + @")\z", RegexOptions.CultureInvariant);
    }

    /// <summary>The member name on the wire, for example <c>trainingDatasetArn</c>.</summary>
    public string Member { get; }

    /// <summary>What the value is, in words, for example "training dataset ARN".</summary>
    public string Description { get; }

    public int MinLength { get; }

    public int MaxLength { get; }

    /// <summary>The model's pattern as written in the service model, or null.</summary>
    public string? Pattern { get; }

    /// <summary>The form a person should type, shown when the pattern does not match.</summary>
    public string? ExpectedForm { get; }

    /// <summary>Returns the first rule the value breaks, or null when it is valid.</summary>
    public ConstraintViolation? Check(string value)
    {
        if (value is null) throw new ArgumentNullException(nameof(value));

        int length = UnicodeText.CountScalarValues(value);
        if (length < MinLength || length > MaxLength)
        {
            return new ConstraintViolation(this, ConstraintKind.Length, value,
                $"The {Description} must be {DescribeLengthRange()}; '{Shorten(value)}' is {length} characters long.");
        }

        if (_pattern is not null && !_pattern.IsMatch(value))
        {
            string expected = ExpectedForm ?? $"the pattern {Pattern}";
            return new ConstraintViolation(this, ConstraintKind.Pattern, value,
                $"'{Shorten(value)}' is not a valid {Description}: expected {expected}.");
        }

        return null;
    }

    private string DescribeLengthRange() =>
        MinLength == 0 ? $"at most {MaxLength} characters"
        : MinLength == MaxLength ? $"exactly {MinLength} characters"
        : $"{MinLength} to {MaxLength} characters";

    // Keeps error messages one readable line even for a 2048-character ARN.
    internal static string Shorten(string value)
    {
        const int Max = 80;
        string oneLine = value.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");
        return oneLine.Length <= Max ? oneLine : oneLine.Substring(0, Max) + "...";
    }
}
