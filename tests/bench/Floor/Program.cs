// The floor of the per-row benchmark: the same client the cmdlet uses (CleanRoomsMLConnection), one
// connection, the same models as the CSV, created one after another in a plain loop. The CSV is read and
// turned into requests before the clock starts, so the figure is the client's cost and nothing else.
// With --in-flight N (a diagnostic), up to N calls overlap, as the cmdlet's -ThrottleLimit lets rows overlap.
//
// Usage: Floor <endpoint-url> <csv-path> [--second-pass] [--in-flight N]
// Prints one JSON line: {"rows":N,"created":N,"elapsedMs":T,"cpuMs":C,"secondPassMs":S}
// (C: this process's CPU time in the loop; S: the same loop once more, once the JIT has warmed up, or null).

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CleanRoomsML.Client;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Model;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (!TryReadOptions(args, out bool secondPass, out int inFlight))
        {
            Console.Error.WriteLine("Usage: Floor <endpoint-url> <csv-path> [--second-pass] [--in-flight N]");
            return 2;
        }

        List<NewAudienceModel> models = ReadModels(args[1]);
        var settings = new ConnectionSettings
        {
            EndpointUrl = args[0],
            Region = "us-east-1",
            AccessKey = "AKIAEMULATOR0EXAMPLE",
            SecretKey = "emulatorSecretKey/EXAMPLE0000000000000000",
        };

        using CleanRoomsMLConnection connection = CleanRoomsMLConnection.Open(settings);

        // One warm-up call (JIT, connection pool, credentials), as the pipeline run gets one.
        NewAudienceModel first = models[0];
        await connection.CreateAudienceModelAsync(
            new NewAudienceModel("bench-warmup", first.TrainingDatasetArn) { Description = first.Description, Tags = first.Tags },
            null, CancellationToken.None);

        int created = 0;
        // Each call is awaited in order (an await throws unless the model was created); with more than one in
        // flight, the next calls are sent meanwhile.
        async Task CreateAll()
        {
            var sent = new Queue<Task>();
            foreach (NewAudienceModel model in models)
            {
                sent.Enqueue(connection.CreateAudienceModelAsync(model, null, CancellationToken.None));
                if (sent.Count < inFlight) continue;
                await sent.Dequeue();
                created++;
            }
            while (sent.Count > 0)
            {
                await sent.Dequeue();
                created++;
            }
        }

        Process self = Process.GetCurrentProcess();
        TimeSpan cpuBefore = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await CreateAll();
        clock.Stop();
        self.Refresh();
        double cpuMs = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        string secondPassMs = "null";
        if (secondPass)
        {
            var second = Stopwatch.StartNew();
            await CreateAll();
            secondPassMs = second.Elapsed.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture);
        }
        int expected = models.Count * (secondPass ? 2 : 1);

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "{{\"rows\":{0},\"created\":{1},\"elapsedMs\":{2:0.000},\"cpuMs\":{3:0.000},\"secondPassMs\":{4}}}",
            models.Count, created, clock.Elapsed.TotalMilliseconds, cpuMs, secondPassMs));
        return created == expected ? 0 : 1;
    }

    private static bool TryReadOptions(string[] args, out bool secondPass, out int inFlight)
    {
        secondPass = false;
        inFlight = 1;
        if (args.Length < 2) return false;
        for (int i = 2; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--second-pass":
                    secondPass = true;
                    break;
                case "--in-flight" when i + 1 < args.Length:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out inFlight) || inFlight < 1) return false;
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    // The benchmark CSV: a header row, then Name,TrainingDatasetArn,Description,Tags,TrainingDataStartTime,TrainingDataEndTime.
    private static List<NewAudienceModel> ReadModels(string path)
    {
        var models = new List<NewAudienceModel>();
        string[]? header = null;
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            List<string> cells = SplitCsvLine(line);
            if (header is null)
            {
                header = cells.ToArray();
                continue;
            }
            string Cell(string column) => cells[Array.FindIndex(header, h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase))];
            models.Add(new NewAudienceModel(Cell("Name"), Cell("TrainingDatasetArn"))
            {
                Description = Blank(Cell("Description")),
                Tags = ParseTags(Cell("Tags")),
                TrainingDataStartTime = ParseDate(Cell("TrainingDataStartTime")),
                TrainingDataEndTime = ParseDate(Cell("TrainingDataEndTime")),
            });
        }
        if (models.Count == 0) throw new InvalidDataException($"{path} has no rows.");
        return models;
    }

    private static string? Blank(string text) => text.Length == 0 ? null : text;

    private static DateTime? ParseDate(string text)
    {
        if (text.Length == 0) return null;
        return Iso8601.TryParse(text, out DateTime utc) ? utc : throw new InvalidDataException($"Not an ISO-8601 date: '{text}'.");
    }

    // key=value;key2=value2, as the cmdlet's tag transformation reads it.
    private static IReadOnlyDictionary<string, string>? ParseTags(string text)
    {
        if (text.Trim().Length == 0) return null;
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in text.Split(';'))
        {
            int equals = part.IndexOf('=');
            if (equals > 0) tags[part.Substring(0, equals).Trim()] = part.Substring(equals + 1).Trim();
        }
        return tags;
    }

    // RFC 4180 cells on one line: quoted cells may hold commas and doubled quotes (no line breaks here).
    private static List<string> SplitCsvLine(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
