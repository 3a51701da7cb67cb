using System;
using System.Management.Automation;
using CleanRoomsML.Client;

namespace CleanRoomsML.PowerShell.Transformation;

/// <summary>
/// Turns what a person or a CSV gives into a UTC DateTime: DateTime, DateTimeOffset, or ISO-8601 text parsed
/// with the invariant culture whatever the session's culture. A time without an offset is UTC. Blank is "not set".
/// </summary>
public sealed class UtcDateTimeTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = BlankValue.Unwrap(inputData);
        switch (value)
        {
            case null:
                return null;
            case DateTime dateTime:
                return Iso8601.ToUtc(dateTime);
            case DateTimeOffset offset:
                return offset.UtcDateTime;
            case string text when string.IsNullOrWhiteSpace(text):
                return null;
            case string text when Iso8601.TryParse(text, out DateTime utc):
                return utc;
            default:
                throw new ArgumentTransformationMetadataException(
                    $"'{value}' is not a date: expected {Iso8601.ExpectedForm}.");
        }
    }
}
