using System.Text;
using System.Text.Json;

namespace CleanRoomsML.Emulator.Protocol;

/// <summary>
/// The opaque nextToken of the list operations: which list it belongs to and the position (creation sequence
/// number) of the last item already returned, so pages stay stable when items are deleted in between.
/// </summary>
public sealed record PageToken(string List, string Region, long AfterSequence)
{
    public string Encode()
    {
        string json = JsonSerializer.Serialize(new Dictionary<string, object> { ["l"] = List, ["r"] = Region, ["a"] = AfterSequence });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Decodes a token handed out for the same list and region; anything else is null.</summary>
    public static PageToken? TryDecode(string token, string list, string region)
    {
        try
        {
            string base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            using var document = JsonDocument.Parse(Convert.FromBase64String(base64));
            var root = document.RootElement;
            var decoded = new PageToken(root.GetProperty("l").GetString()!, root.GetProperty("r").GetString()!, root.GetProperty("a").GetInt64());
            return decoded.List == list && decoded.Region == region ? decoded : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
