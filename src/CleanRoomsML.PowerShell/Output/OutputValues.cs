using System;
using CleanRoomsML.Client;

namespace CleanRoomsML.PowerShell.Output;

/// <summary>How the mappers carry the client's values onto output objects.</summary>
internal static class OutputValues
{
    /// <summary>An empty string from the service means "not reported".</summary>
    public static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>Times are shown in UTC, as the service reports them.</summary>
    public static DateTime? Utc(DateTime? time) => time is null ? null : Iso8601.ToUtc(time.Value);
}
