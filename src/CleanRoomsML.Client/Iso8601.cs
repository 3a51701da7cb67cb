using System;
using System.Globalization;

namespace CleanRoomsML.Client;

/// <summary>
/// The timestamp form of the wire (RFC 3339, UTC, 'Z', fractional seconds only when present) and a
/// culture-independent parser for what people type.
/// </summary>
public static class Iso8601
{
    private static readonly string[] AcceptedForms =
    {
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    };

    /// <summary>What <see cref="TryParse"/> accepts, for error messages.</summary>
    public const string ExpectedForm = "an ISO-8601 date or date-time such as 2024-01-31 or 2024-01-31T13:45:00Z (no offset means UTC)";

    /// <summary>Formats a UTC instant as the service expects, for example 2024-01-15T00:00:00Z.</summary>
    public static string Format(DateTime value)
    {
        DateTime utc = ToUtc(value);
        string format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";
        return utc.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Parses ISO-8601 text with the invariant culture. A value without an offset is taken as UTC, as
    /// boto3 and the AWS CLI take it.
    /// </summary>
    public static bool TryParse(string text, out DateTime utc)
    {
        bool ok = DateTimeOffset.TryParseExact(text.Trim(), AcceptedForms, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out DateTimeOffset parsed);
        utc = ok ? parsed.UtcDateTime : default;
        return ok;
    }

    /// <summary>
    /// A DateTime of unspecified kind is read as UTC (the same rule as for text); local times are converted.
    /// </summary>
    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
