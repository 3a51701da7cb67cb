using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using CleanRoomsML.Client;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Model;
using CleanRoomsML.PowerShell.Errors;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// What Get-CRMLAudienceModel and Get-CRMLTrainingDataset share: one resource by ARN (every field), or the
/// list of a region streamed page by page and filtered by name wildcards. A name without wildcards that
/// matches nothing is an error, as in Get-Process; a pattern that matches nothing is not.
/// Not generic over the client's types on purpose: PowerShell reads the module's exported types before the
/// module initializer can point the runtime at the client assembly (see DependencyLoadContext).
/// </summary>
public abstract class GetResourceCmdlet : CleanRoomsMLCmdlet
{
    protected const string ListSet = "List";
    protected const string ArnSet = "Arn";

    private readonly HashSet<string> _namesFound = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names to keep, with wildcards, compared without regard to case.</summary>
    [Parameter(Position = 0, ParameterSetName = ListSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>The pipeline input itself, so that its error record can name it. Not for direct use.</summary>
    [Parameter(ValueFromPipeline = true, ParameterSetName = ArnSet, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>The ARN parameter of the derived cmdlet.</summary>
    protected abstract string? Arn { get; }

    /// <summary>The resource in words, for messages: "audience model".</summary>
    protected abstract string Kind { get; }

    /// <summary>The ErrorId of a name that matched nothing.</summary>
    protected abstract string NameNotFoundErrorId { get; }

    /// <summary>Reads one resource and maps it to the cmdlet's output type.</summary>
    protected abstract object GetOne(CleanRoomsMLConnection connection, string arn);

    /// <summary>Lists the resources, calling <see cref="WriteMatching"/> with the List operation of the resource.</summary>
    protected abstract void WriteList(CleanRoomsMLConnection connection);

    protected override void ProcessRecord()
    {
        object target = InputObject ?? (object?)Arn ?? Name ?? (object)(Kind + "s");
        ForInput(target, () =>
        {
            CleanRoomsMLConnection connection = Connect(CurrentSettings());
            if (ParameterSetName == ArnSet) WriteObject(GetOne(connection, Arn!));
            else WriteList(connection);
        });
    }

    /// <summary>Writes every listed resource whose name matches -Name, then an error for each plain name that matched none.</summary>
    protected void WriteMatching<T>(CleanRoomsMLConnection connection, Func<PageRequest, IAttemptObserver?, Task<Page<T>>> readPage,
        Func<T, string> nameOf, Func<T, object> toOutput)
    {
        WildcardPattern[] patterns = (Name ?? Array.Empty<string>())
            .Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant))
            .ToArray();

        WriteAllPages(readPage, item => Keep(nameOf(item), patterns), toOutput);

        foreach (string name in Name ?? Array.Empty<string>())
        {
            if (WildcardPattern.ContainsWildcardCharacters(name) || _namesFound.Contains(name)) continue;
            WriteError(ErrorRecords.NotFound(NameNotFoundErrorId, $"No {Kind} named '{name}' was found in {connection.Region}.", name));
        }
    }

    private bool Keep(string name, WildcardPattern[] patterns)
    {
        if (patterns.Length == 0) return true;
        if (!patterns.Any(p => p.IsMatch(name))) return false;
        _namesFound.Add(name);
        return true;
    }
}
