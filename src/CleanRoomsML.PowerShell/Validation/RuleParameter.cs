using System;
using CleanRoomsML.Client.Constraints;

namespace CleanRoomsML.PowerShell.Validation;

/// <summary>Names the cmdlet parameter that a broken service rule is about, for the error message.</summary>
internal static class RuleParameter
{
    /// <summary>
    /// The parameter of the rule's wire member: <c>trainingDatasetArn</c> is -TrainingDatasetArn and every tag
    /// rule is -Tag. <paramref name="renames"/> gives members a cmdlet names otherwise; a rule about no single
    /// member (the training window, say) names <paramref name="fallback"/>.
    /// </summary>
    public static string Of(ConstraintViolation violation, string fallback, params (string Member, string Parameter)[] renames)
    {
        string? member = violation.Member;
        if (member is null) return fallback;
        foreach (var rename in renames)
        {
            if (rename.Member == member) return rename.Parameter;
        }
        if (member.StartsWith("tag", StringComparison.Ordinal)) return "Tag";
        return char.ToUpperInvariant(member[0]) + member.Substring(1);
    }
}
