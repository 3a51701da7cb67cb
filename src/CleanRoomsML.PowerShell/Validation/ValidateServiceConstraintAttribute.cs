using System;
using System.Management.Automation;
using System.Reflection;
using CleanRoomsML.Client.Constraints;

namespace CleanRoomsML.PowerShell.Validation;

/// <summary>
/// Checks a string parameter against one constraint of the service model, named by its field in
/// <see cref="ServiceConstraints"/>, before any request is sent. Null (not set) passes: it is not sent.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateServiceConstraintAttribute : ValidateArgumentsAttribute
{
    public ValidateServiceConstraintAttribute(string constraintName)
    {
        Constraint = typeof(ServiceConstraints).GetField(constraintName, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as TextConstraint
            ?? throw new ArgumentException($"ServiceConstraints has no constraint named '{constraintName}'.", nameof(constraintName));
    }

    public TextConstraint Constraint { get; }

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        if (arguments is null) return;
        string text = arguments as string ?? LanguagePrimitives.ConvertTo<string>(arguments);
        if (Constraint.Check(text) is { } violation)
        {
            throw new ValidationMetadataException(violation.Message);
        }
    }
}
