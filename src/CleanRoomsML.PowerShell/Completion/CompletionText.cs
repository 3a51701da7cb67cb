using System;
using System.Management.Automation;

namespace CleanRoomsML.PowerShell.Completion;

/// <summary>What the completers share: reading the typed prefix and quoting a value only when it needs it.</summary>
internal static class CompletionText
{
    /// <summary>The typed word without its opening quote, so 'us-e and us-e complete alike.</summary>
    public static string Prefix(string? wordToComplete) => (wordToComplete ?? "").Trim().Trim('\'', '"');

    public static bool Matches(string candidate, string prefix) =>
        candidate.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    public static CompletionResult Result(string value, string toolTip)
    {
        string text = NeedsQuotes(value) ? "'" + value.Replace("'", "''") + "'" : value;
        return new CompletionResult(text, value, CompletionResultType.ParameterValue, string.IsNullOrEmpty(toolTip) ? value : toolTip);
    }

    private static bool NeedsQuotes(string value)
    {
        foreach (char c in value)
        {
            if (char.IsWhiteSpace(c) || "'\"`$;,(){}[]@#|&<>".IndexOf(c) >= 0) return true;
        }
        return false;
    }
}
