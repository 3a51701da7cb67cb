using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using CleanRoomsML.Client.Connection;

namespace CleanRoomsML.PowerShell.Completion;

/// <summary>Completes -Region from the AWS SDK's built-in region list, with the region's description as tool tip. No network.</summary>
public sealed class RegionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string prefix = CompletionText.Prefix(wordToComplete);
        return KnownRegions.All
            .Where(region => CompletionText.Matches(region.Name, prefix))
            .Select(region => CompletionText.Result(region.Name, $"{region.Name}: {region.DisplayName}"))
            .ToList();
    }
}
