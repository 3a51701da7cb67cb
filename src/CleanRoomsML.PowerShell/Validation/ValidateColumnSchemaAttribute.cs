using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.Client.Model;
using CleanRoomsML.PowerShell.Transformation;

namespace CleanRoomsML.PowerShell.Validation;

/// <summary>
/// Checks a training dataset's columns against the service's schema rules: 1 to 100 columns, each name a
/// Glue column name, each type one of the service's column types (listed in the message). Every broken
/// rule is reported at once.
/// </summary>
public sealed class ValidateColumnSchemaAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        if (BlankValue.Unwrap(arguments) is not IDictionary schema) return;
        IReadOnlyList<ConstraintViolation> violations = NewTrainingDataset.CheckSchema(ColumnSchemaTransformationAttribute.ToColumns(schema));
        if (violations.Count > 0)
        {
            throw new ValidationMetadataException(string.Join(" ", violations.Select(v => v.Message)));
        }
    }
}
