using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.Client.Model;
using CleanRoomsML.PowerShell.Errors;
using CleanRoomsML.PowerShell.Output;
using CleanRoomsML.PowerShell.Transformation;
using CleanRoomsML.PowerShell.Validation;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// Creates a training dataset (CreateTrainingDataset): an INTERACTIONS dataset read from one AWS Glue table,
/// one per input row, each row ending as one result object or one error record whose TargetObject is the row.
/// </summary>
[Cmdlet(VerbsCommon.New, "CRMLTrainingDataset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(TrainingDataset))]
public sealed class NewCRMLTrainingDatasetCommand : CleanRoomsMLCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateServiceConstraint(nameof(ServiceConstraints.Name))]
    public string Name { get; set; } = null!;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateServiceConstraint(nameof(ServiceConstraints.RoleArn))]
    public string RoleArn { get; set; } = null!;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateServiceConstraint(nameof(ServiceConstraints.GlueDatabaseName))]
    public string DatabaseName { get; set; } = null!;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateServiceConstraint(nameof(ServiceConstraints.GlueTableName))]
    public string TableName { get; set; } = null!;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ValidateServiceConstraint(nameof(ServiceConstraints.AccountId))]
    public string? CatalogId { get; set; }

    /// <summary>Column name to column type; from CSV, name=TYPE;name2=TYPE2.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Columns")]
    [ColumnSchemaTransformation]
    [ValidateColumnSchema]
    public OrderedDictionary Column { get; set; } = null!;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ValidateServiceConstraint(nameof(ServiceConstraints.Description))]
    public string? Description { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Tags")]
    [TagTransformation]
    [ValidateTags]
    public Hashtable? Tag { get; set; }

    /// <summary>Skips the confirmation prompt ($ConfirmPreference Medium or Low), unless -Confirm is given.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The pipeline row itself, so that its error record can name it. Not for direct use.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    protected override void ProcessRecord()
    {
        object target = InputObject ?? (object)Name;
        NewTrainingDataset definition = BuildDefinition();

        ConstraintViolation? violation = definition.Validate().FirstOrDefault();
        if (violation is not null)
        {
            string parameter = RuleParameter.Of(violation, fallback: nameof(Tag),
                ("schema", nameof(Column)), ("columnName", nameof(Column)), ("columnTypes", nameof(Column)));
            WriteError(ErrorRecords.InvalidParameter("InvalidTrainingDatasetDefinition", parameter, violation, target));
            return;
        }

        ConnectionSettings settings = CurrentSettings();
        string where = settings.Region ?? "the default region";
        if (!ShouldProcessUnlessForced(Force, $"training dataset '{Name}' from Glue table {DatabaseName}.{TableName} in {where}", "Create training dataset"))
        {
            return;
        }

        ForInput(target, () =>
        {
            CleanRoomsMLConnection connection = Connect(settings);
            ResourceCreated created = Await(observer => connection.CreateTrainingDatasetAsync(definition, observer, Cancellation));
            WriteObject(ToResult(definition, created, connection.Region));
        });
    }

    private NewTrainingDataset BuildDefinition() =>
        new(Name, RoleArn, DatabaseName, TableName, ColumnSchemaTransformationAttribute.ToColumns(Column))
        {
            CatalogId = CatalogId,
            Description = Description,
            Tags = TagTable.ToClient(Tag),
        };

    /// <summary>What was asked for, with the new ARN: the service answers nothing else (Get-CRMLTrainingDataset tells the rest).</summary>
    private static TrainingDataset ToResult(NewTrainingDataset definition, ResourceCreated created, string region) =>
        new(created.Arn, definition.Name, region)
        {
            Description = definition.Description,
            RoleArn = definition.RoleArn,
            DatabaseName = definition.DatabaseName,
            TableName = definition.TableName,
            CatalogId = definition.CatalogId,
            Columns = TrainingDatasetMapper.ToSchema(definition.Columns),
            Tags = TagTable.From(definition.Tags) ?? TagTable.New(),
            RequestId = created.RequestId,
        };
}
