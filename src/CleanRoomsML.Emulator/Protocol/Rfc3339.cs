using System.Globalization;
using System.Text.RegularExpressions;

namespace CleanRoomsML.Emulator.Protocol;

/// <summary>
/// Parses the wire form of Smithy <c>date-time</c> timestamps: RFC 3339, e.g. 2024-01-15T00:00:00Z or
/// 1985-04-12T23:20:50.52+01:00. Nothing looser: no date-only values, no missing offset.
/// </summary>
public static partial class Rfc3339
{
    [GeneratedRegex(@"\A(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:([Zz])|([+-])(\d{2}):(\d{2}))\z", RegexOptions.CultureInvariant)]
    private static partial Regex Form();

    public static bool TryParse(string text, out DateTime utc)
    {
        utc = default;
        var match = Form().Match(text);
        if (!match.Success) return false;

        int Part(int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        int year = Part(1), month = Part(2), day = Part(3), hour = Part(4), minute = Part(5), second = Part(6);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year == 0 ? 1 : year, month)
            || hour > 23 || minute > 59 || second > 59 || year == 0)
        {
            return false;
        }

        long fractionTicks = 0;
        if (match.Groups[7].Success)
        {
            string digits = match.Groups[7].Value.Substring(1).PadRight(7, '0').Substring(0, 7);
            fractionTicks = long.Parse(digits, CultureInfo.InvariantCulture);
        }

        var offset = TimeSpan.Zero;
        if (!match.Groups[8].Success)
        {
            int offsetHours = Part(10), offsetMinutes = Part(11);
            if (offsetHours > 23 || offsetMinutes > 59) return false;
            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (match.Groups[9].Value == "-") offset = -offset;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        if ((offset > TimeSpan.Zero && local - DateTime.MinValue < offset) || (offset < TimeSpan.Zero && DateTime.MaxValue - local < -offset))
        {
            return false;
        }
        utc = DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        return true;
    }
}
