using System.Management.Automation;
using CleanRoomsML.Client.Constraints;

namespace CleanRoomsML.PowerShell.Validation;

/// <summary>
/// Checks each tag key to remove against the service's rules: 1 to 128 characters and not beginning with
/// 'aws:' in any letter case (AWS's own tags cannot be removed).
/// </summary>
public sealed class ValidateTagKeyAttribute : ValidateEnumeratedArgumentsAttribute
{
    protected override void ValidateElement(object element)
    {
        string key = element as string ?? LanguagePrimitives.ConvertTo<string>(element);
        if (ServiceConstraints.CheckTagKey(key) is { } violation)
        {
            throw new ValidationMetadataException(violation.Message);
        }
    }
}
