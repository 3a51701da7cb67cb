using System.Text;

namespace CleanRoomsML.Emulator.Signing;

/// <summary>
/// The URI encoding of the SigV4 specification: every byte of the UTF-8 form is percent-encoded with
/// upper-case hex, except the RFC 3986 unreserved characters A-Z a-z 0-9 - _ . ~
/// </summary>
public static class AwsUriEncoding
{
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length * 2);
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            if (IsUnreserved(b)) builder.Append((char)b);
            else builder.Append('%').Append(b.ToString("X2"));
        }
        return builder.ToString();
    }

    /// <summary>
    /// Decodes %XX escapes only. A '+' stays a '+': SigV4 clients encode a space as %20.
    /// Invalid escapes are kept as they are.
    /// </summary>
    public static string Decode(string value)
    {
        if (!value.Contains('%')) return value;
        var bytes = new List<byte>(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsUnreserved(byte b) =>
        (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
        || b == '-' || b == '_' || b == '.' || b == '~';

    private static bool IsHex(char c) => Uri.IsHexDigit(c);
}
