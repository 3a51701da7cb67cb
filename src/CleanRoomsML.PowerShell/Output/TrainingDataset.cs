using System;
using System.Collections;
using System.Collections.Specialized;

namespace CleanRoomsML.PowerShell.Output;

/// <summary>
/// A training dataset as the cmdlets write it. Its string form is the ARN; its properties pipe by name into
/// the other cmdlets (New-CRMLAudienceModel, Get-/Remove-CRMLTrainingDataset, the tag cmdlets), and, with
/// -Name changed, back into New-CRMLTrainingDataset to copy it.
/// </summary>
public sealed class TrainingDataset
{
    public TrainingDataset(string trainingDatasetArn, string name, string region)
    {
        TrainingDatasetArn = trainingDatasetArn;
        Name = name;
        Region = region;
    }

    public string TrainingDatasetArn { get; }

    public string Name { get; }

    /// <summary>ACTIVE (the only status the service has); null when not known.</summary>
    public string? Status { get; init; }

    public string? Description { get; init; }

    /// <summary>The IAM role the service assumes to read the Glue table; null when not reported (lists).</summary>
    public string? RoleArn { get; init; }

    /// <summary>The Glue database of the source table; null when not reported (lists).</summary>
    public string? DatabaseName { get; init; }

    public string? TableName { get; init; }

    /// <summary>The account id of the Glue catalog, when it is not the caller's own.</summary>
    public string? CatalogId { get; init; }

    /// <summary>The schema in order: column name to column type (USER_ID, ITEM_ID, TIMESTAMP, ...); null when not reported (lists).</summary>
    public OrderedDictionary? Columns { get; init; }

    /// <summary>Tags, keys case-sensitive as the service treats them; empty when none, null when not reported (lists).</summary>
    public Hashtable? Tags { get; init; }

    /// <summary>When the dataset was created, in UTC.</summary>
    public DateTime? CreateTime { get; init; }

    /// <summary>When the dataset last changed, in UTC.</summary>
    public DateTime? UpdateTime { get; init; }

    public string Region { get; }

    /// <summary>The request id of the call that produced this object, for AWS support.</summary>
    public string? RequestId { get; init; }

    public override string ToString() => TrainingDatasetArn;
}
