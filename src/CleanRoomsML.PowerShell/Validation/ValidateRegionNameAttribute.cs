using System.Management.Automation;
using CleanRoomsML.Client.Connection;

namespace CleanRoomsML.PowerShell.Validation;

/// <summary>Checks that -Region looks like a region name (us-east-1), so a typo fails before anything is sent.</summary>
public sealed class ValidateRegionNameAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        if (arguments is string region && !string.IsNullOrWhiteSpace(region) && RegionName.Check(region) is { } problem)
        {
            throw new ValidationMetadataException(problem);
        }
    }
}
