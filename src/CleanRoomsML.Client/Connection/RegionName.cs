using System.Text.RegularExpressions;

namespace CleanRoomsML.Client.Connection;

/// <summary>The form of an AWS region name, such as us-east-1, checked without any network call.</summary>
public static class RegionName
{
    private static readonly Regex Form = new(@"\A[a-z]{2,}(-[a-z0-9]+)+\z", RegexOptions.CultureInvariant);

    /// <summary>Returns why the text is not a region name, or null when it looks like one.</summary>
    public static string? Check(string region) =>
        Form.IsMatch(region) ? null : $"'{region}' is not an AWS region name; expected a name such as us-east-1 or eu-west-2.";
}
