using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.Client.Model;
using CleanRoomsML.PowerShell.Errors;
using CleanRoomsML.PowerShell.Output;
using CleanRoomsML.PowerShell.Validation;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// Gets one training dataset by ARN (GetTrainingDataset, every field), or lists the datasets of a region
/// (ListTrainingDatasets), page by page as they arrive, optionally filtered by name wildcards.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CRMLTrainingDataset", DefaultParameterSetName = ListSet)]
[OutputType(typeof(TrainingDataset))]
public sealed class GetCRMLTrainingDatasetCommand : CleanRoomsMLCmdlet
{
    private const string ListSet = "List";
    private const string ArnSet = "Arn";

    private readonly HashSet<string> _namesFound = new(StringComparer.OrdinalIgnoreCase);

    [Parameter(Mandatory = true, ParameterSetName = ArnSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Arn")]
    [ValidateServiceConstraint(nameof(ServiceConstraints.TrainingDatasetArn))]
    public string TrainingDatasetArn { get; set; } = null!;

    /// <summary>Names to keep, with wildcards, compared without regard to case.</summary>
    [Parameter(Position = 0, ParameterSetName = ListSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>The pipeline input itself, so that its error record can name it. Not for direct use.</summary>
    [Parameter(ValueFromPipeline = true, ParameterSetName = ArnSet, DontShow = true)]
    public PSObject? InputObject { get; set; }

    protected override void ProcessRecord()
    {
        object target = InputObject ?? (object?)TrainingDatasetArn ?? Name ?? (object)"training datasets";
        try
        {
            CleanRoomsMLConnection connection = Connect(CurrentSettings());
            if (ParameterSetName == ArnSet) WriteOne(connection);
            else WriteList(connection);
        }
        catch (CleanRoomsMLConfigurationException e)
        {
            WriteConfigurationError(e, target);
        }
        catch (CleanRoomsMLRequestException e)
        {
            WriteServiceError(e, target);
        }
    }

    private void WriteOne(CleanRoomsMLConnection connection)
    {
        TrainingDatasetDetails details = Await(observer => connection.GetTrainingDatasetAsync(TrainingDatasetArn, observer, Cancellation));
        WriteObject(OutputMapper.FromGet(details, connection.Region));
    }

    private void WriteList(CleanRoomsMLConnection connection)
    {
        WildcardPattern[] patterns = (Name ?? Array.Empty<string>())
            .Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant))
            .ToArray();

        WriteAllPages(
            (page, observer) => connection.ListTrainingDatasetsAsync(page, observer, Cancellation),
            dataset => Keep(dataset, patterns),
            dataset => OutputMapper.FromSummary(dataset, connection.Region));

        // As Get-Process does: a name without wildcards that matched nothing is an error; a pattern is not.
        foreach (string name in Name ?? Array.Empty<string>())
        {
            if (WildcardPattern.ContainsWildcardCharacters(name) || _namesFound.Contains(name)) continue;
            WriteError(ErrorRecords.NotFound("TrainingDatasetNameNotFound",
                $"No training dataset named '{name}' was found in {connection.Region}.", name));
        }
    }

    private bool Keep(TrainingDatasetDetails dataset, WildcardPattern[] patterns)
    {
        if (patterns.Length == 0) return true;
        if (!patterns.Any(p => p.IsMatch(dataset.Name))) return false;
        _namesFound.Add(dataset.Name);
        return true;
    }
}
