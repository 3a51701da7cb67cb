using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.Client.Model;
using CleanRoomsML.PowerShell.Output;
using CleanRoomsML.PowerShell.Validation;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// Gets one audience model by ARN (GetAudienceModel, every field), or lists the models of a region
/// (ListAudienceModels), page by page as they arrive, optionally filtered by name wildcards.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CRMLAudienceModel", DefaultParameterSetName = ListSet)]
[Alias("Get-CRMLAudienceModelList")]
[OutputType(typeof(AudienceModel))]
public sealed class GetCRMLAudienceModelCommand : CleanRoomsMLCmdlet
{
    private const string ListSet = "List";
    private const string ArnSet = "Arn";

    private readonly HashSet<string> _namesFound = new(StringComparer.OrdinalIgnoreCase);

    [Parameter(Mandatory = true, ParameterSetName = ArnSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Arn")]
    [ValidateServiceConstraint(nameof(ServiceConstraints.AudienceModelArn))]
    public string AudienceModelArn { get; set; } = null!;

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
        object target = InputObject ?? (object?)AudienceModelArn ?? Name ?? (object)"audience models";
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
        AudienceModelDetails details = Await(observer => connection.GetAudienceModelAsync(AudienceModelArn, observer, Cancellation));
        WriteObject(AudienceModelMapper.FromGet(details, connection.Region));
    }

    private void WriteList(CleanRoomsMLConnection connection)
    {
        WildcardPattern[] patterns = (Name ?? Array.Empty<string>())
            .Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant))
            .ToArray();

        WriteAllPages(
            (page, observer) => connection.ListAudienceModelsAsync(page, observer, Cancellation),
            model => Keep(model, patterns),
            model => AudienceModelMapper.FromSummary(model, connection.Region));

        // As Get-Process does: a name without wildcards that matched nothing is an error; a pattern is not.
        foreach (string name in Name ?? Array.Empty<string>())
        {
            if (WildcardPattern.ContainsWildcardCharacters(name) || _namesFound.Contains(name)) continue;
            string message = $"No audience model named '{name}' was found in {connection.Region}.";
            WriteError(new ErrorRecord(new ItemNotFoundException(message), "AudienceModelNameNotFound", ErrorCategory.ObjectNotFound, name)
            {
                ErrorDetails = new ErrorDetails(message),
            });
        }
    }

    private bool Keep(AudienceModelDetails model, WildcardPattern[] patterns)
    {
        if (patterns.Length == 0) return true;
        if (!patterns.Any(p => p.IsMatch(model.Name))) return false;
        _namesFound.Add(model.Name);
        return true;
    }
}
