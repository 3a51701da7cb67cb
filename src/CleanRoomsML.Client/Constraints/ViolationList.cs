using System.Collections.Generic;

namespace CleanRoomsML.Client.Constraints;

/// <summary>Collects what an input breaks, member by member, for the inputs' Validate methods.</summary>
internal sealed class ViolationList : List<ConstraintViolation>
{
    /// <summary>Checks a member against its constraint; an unset (null) member is not sent and so passes.</summary>
    public void Check(TextConstraint constraint, string? value)
    {
        if (value is not null && constraint.Check(value) is { } violation) Add(violation);
    }

    public void AddIfAny(ConstraintViolation? violation)
    {
        if (violation is not null) Add(violation);
    }
}
