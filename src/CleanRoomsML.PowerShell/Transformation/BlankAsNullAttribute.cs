using System.Management.Automation;

namespace CleanRoomsML.PowerShell.Transformation;

/// <summary>
/// An empty or blank value (an empty CSV cell) means "not set": the member is not sent.
/// </summary>
public sealed class BlankAsNullAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        BlankValue.IsBlank(inputData) ? null : inputData;
}

internal static class BlankValue
{
    public static bool IsBlank(object? value) =>
        value switch
        {
            null => true,
            PSObject { BaseObject: var inner } when inner is not PSCustomObject => IsBlank(inner),
            string text => string.IsNullOrWhiteSpace(text),
            _ => false,
        };

    public static object? Unwrap(object? value) =>
        value is PSObject { BaseObject: var inner } && inner is not PSCustomObject ? inner : value;
}
