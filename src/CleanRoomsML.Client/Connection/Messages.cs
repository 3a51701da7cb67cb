using System;
using System.Linq;

namespace CleanRoomsML.Client.Connection;

public static class Messages
{
    /// <summary>Folds a message onto one line: error records show one line per failed row.</summary>
    public static string OneLine(string text) =>
        string.Join(" ", text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim()).Where(line => line.Length > 0));
}
