namespace CleanRoomsML.Client.Constraints;

public enum ConstraintKind
{
    Length,
    Pattern,
    Count,
    ReservedPrefix,
    Duplicate,
    Order,
}

/// <summary>A value that breaks one rule of the service, with a message a person can act on.</summary>
public sealed class ConstraintViolation
{
    public ConstraintViolation(TextConstraint? constraint, ConstraintKind kind, object? value, string message)
    {
        Constraint = constraint;
        Kind = kind;
        Value = value;
        Message = message;
    }

    /// <summary>The string constraint that was broken, or null for rules about a whole map.</summary>
    public TextConstraint? Constraint { get; }

    /// <summary>
    /// The wire member the rule is about: the constraint's member, or, for a rule about a whole list or map,
    /// that list's member (for example <c>tags</c> or <c>schema</c>) when the rule sets it.
    /// </summary>
    public string? Member
    {
        get => _member ?? Constraint?.Member;
        init => _member = value;
    }

    private readonly string? _member;

    public ConstraintKind Kind { get; }

    public object? Value { get; }

    public string Message { get; }

    public override string ToString() => Message;
}
