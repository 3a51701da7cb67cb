using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using CleanRoomsML.Client.Connection;

namespace CleanRoomsML.PowerShell.Completion;

/// <summary>
/// Completes -ProfileName from the profiles in the shared config and credentials files (or in the file
/// given with -ProfileLocation on the same command line). The files are only read: no credentials are
/// resolved and nothing goes on the network.
/// </summary>
public sealed class ProfileNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string prefix = CompletionText.Prefix(wordToComplete);
        return KnownProfiles.Names(ProfileLocation(fakeBoundParameters))
            .Where(name => CompletionText.Matches(name, prefix))
            .Select(name => CompletionText.Result(name, $"AWS profile {name}"))
            .ToList();
    }

    // A literal -ProfileLocation already typed, resolved as the cmdlet resolves it (relative to the current
    // PowerShell location, ~ expanded).
    private static string? ProfileLocation(IDictionary? fakeBoundParameters)
    {
        if (fakeBoundParameters is null || !fakeBoundParameters.Contains("ProfileLocation")) return null;
        object? value = fakeBoundParameters["ProfileLocation"];
        string? path = (value is PSObject wrapped ? wrapped.BaseObject : value) as string;
        if (string.IsNullOrWhiteSpace(path)) return null;
        try
        {
            return ResolvePath().Invoke(path).FirstOrDefault()?.BaseObject as string ?? path;
        }
        catch (RuntimeException)
        {
            return path;
        }
    }

    // Completers run on the pipeline thread, where the runspace's SessionStateProxy is busy; a script block is not.
    // Created for each use, so it never carries one runspace's state into another.
    private static ScriptBlock ResolvePath() =>
        ScriptBlock.Create("param($p) $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($p)");
}
