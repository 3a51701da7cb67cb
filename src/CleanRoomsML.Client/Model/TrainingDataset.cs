using System;
using System.Collections.Generic;
using CleanRoomsML.Client.Constraints;

namespace CleanRoomsML.Client.Model;

/// <summary>One column of a training dataset's schema: its name and its one column type.</summary>
public sealed class TrainingDatasetColumn
{
    /// <summary>The service's column types.</summary>
    public static readonly IReadOnlyList<string> ColumnTypes = new[] { "USER_ID", "ITEM_ID", "TIMESTAMP", "CATEGORICAL_FEATURE", "NUMERICAL_FEATURE" };

    public TrainingDatasetColumn(string name, string type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public string Type { get; }
}

/// <summary>The input of CreateTrainingDataset: an INTERACTIONS dataset read from one AWS Glue table.</summary>
public sealed class NewTrainingDataset
{
    public NewTrainingDataset(string name, string roleArn, string databaseName, string tableName, IReadOnlyList<TrainingDatasetColumn> columns)
    {
        Name = name;
        RoleArn = roleArn;
        DatabaseName = databaseName;
        TableName = tableName;
        Columns = columns;
    }

    public string Name { get; }

    public string RoleArn { get; }

    public string DatabaseName { get; }

    public string TableName { get; }

    /// <summary>The Glue catalog's account id; null for the caller's own.</summary>
    public string? CatalogId { get; init; }

    public IReadOnlyList<TrainingDatasetColumn> Columns { get; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Every rule of the service this input breaks; empty when it can be sent.</summary>
    public IReadOnlyList<ConstraintViolation> Validate()
    {
        var violations = new ViolationList();
        violations.Check(ServiceConstraints.Name, Name);
        violations.Check(ServiceConstraints.RoleArn, RoleArn);
        violations.Check(ServiceConstraints.GlueDatabaseName, DatabaseName);
        violations.Check(ServiceConstraints.GlueTableName, TableName);
        violations.Check(ServiceConstraints.AccountId, CatalogId);
        violations.Check(ServiceConstraints.Description, Description);
        violations.AddRange(CheckSchema(Columns));
        if (Tags is not null) violations.AddRange(ServiceConstraints.CheckTags(Tags));
        return violations;
    }

    /// <summary>
    /// Every rule a schema breaks: 1 to 100 columns, each name a column name, each type one of
    /// <see cref="TrainingDatasetColumn.ColumnTypes"/> (exactly as the service spells it, upper-case).
    /// </summary>
    public static IReadOnlyList<ConstraintViolation> CheckSchema(IReadOnlyList<TrainingDatasetColumn> columns)
    {
        var violations = new ViolationList();
        if (columns.Count is < ServiceConstraints.MinSchemaColumns or > ServiceConstraints.MaxSchemaColumns)
        {
            violations.Add(new ConstraintViolation(null, ConstraintKind.Count, columns.Count,
                $"A training dataset's schema has {ServiceConstraints.MinSchemaColumns} to {ServiceConstraints.MaxSchemaColumns} columns; {columns.Count} were given.") { Member = "schema" });
        }
        foreach (TrainingDatasetColumn column in columns)
        {
            violations.Check(ServiceConstraints.ColumnName, column.Name);
            if (!((IList<string>)TrainingDatasetColumn.ColumnTypes).Contains(column.Type))
            {
                violations.Add(new ConstraintViolation(null, ConstraintKind.Pattern, column.Type,
                    $"'{column.Type}' is not a column type (column '{column.Name}'): expected one of {string.Join(", ", TrainingDatasetColumn.ColumnTypes)}.") { Member = "columnTypes" });
            }
        }
        return violations;
    }
}

/// <summary>A training dataset as GetTrainingDataset (all fields) or ListTrainingDatasets (a summary) tells it.</summary>
public sealed class TrainingDatasetDetails
{
    public string TrainingDatasetArn { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>ACTIVE is the only status the service has.</summary>
    public string Status { get; init; } = "";

    public DateTime? CreateTime { get; init; }

    public DateTime? UpdateTime { get; init; }

    public string? Description { get; init; }

    public string? RoleArn { get; init; }

    public string? DatabaseName { get; init; }

    public string? TableName { get; init; }

    public string? CatalogId { get; init; }

    public IReadOnlyList<TrainingDatasetColumn>? Columns { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public string? RequestId { get; init; }
}
