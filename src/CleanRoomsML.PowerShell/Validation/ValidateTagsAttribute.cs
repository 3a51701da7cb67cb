using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.PowerShell.Output;
using CleanRoomsML.PowerShell.Transformation;

namespace CleanRoomsML.PowerShell.Validation;

/// <summary>
/// Checks a tag set against the service's tag rules: at most 50 tags, keys 1-128 and values 0-256
/// characters, unique keys, no key beginning with 'aws:'. Every broken rule is reported at once.
/// </summary>
public sealed class ValidateTagsAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        if (BlankValue.Unwrap(arguments) is not IDictionary tags) return;
        IReadOnlyList<ConstraintViolation> violations = ServiceConstraints.CheckTags(TagTable.Pairs(tags));
        if (violations.Count > 0)
        {
            throw new ValidationMetadataException(string.Join(" ", violations.Select(v => v.Message)));
        }
    }
}
