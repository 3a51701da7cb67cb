using System.Globalization;
using System.Text.RegularExpressions;

namespace CleanRoomsML.Emulator;

/// <summary>How to run the emulator; parsed from the command line by <see cref="Parse"/>, or set directly by tests.</summary>
public sealed class EmulatorOptions
{
    public const string HelpText = """
        CleanRoomsML emulator: a local AWS Clean Rooms ML (audience models) service for tests and demos.

        Usage: CleanRoomsML.Emulator [options]

          --urls URL                 where to listen, on loopback (default http://127.0.0.1:0; port 0 picks a free port)
          --access-key ID            access key id clients must sign with (default AKIAEMULATOR0EXAMPLE)
          --secret-key KEY           its secret key (default emulatorSecretKey/EXAMPLE0000000000000000)
          --region LIST              comma-separated regions to seed (default us-east-1); other regions are served too
          --account-id ID            12-digit account id in ARNs (default 123456789012)
          --training-seconds N       time an audience model takes to become ACTIVE (default 3; 0 = at once)
          --fail-marker TEXT         models trained on a dataset whose name contains TEXT end CREATE_FAILED
                                     (default fail-training; empty to disable)
          --throttle-rate P          probability 0-1 of answering 429 ThrottlingException (default 0)
          --error-rate P             probability 0-1 of answering 500/503 (default 0)
          --latency-ms N             delay added to every service request (default 0)
          --max-audience-models N    quota of models per region (default none); more answers 402 ServiceQuotaExceededException
          --max-pending-audience-models N
                                     quota of models in training (CREATE_PENDING or CREATE_IN_PROGRESS) per region;
                                     more answers 402 (default 2, as the real service; none lifts it)
          --seed N                   seed of the random faults (default 42)
          --quiet                    no per-request log lines
          --exit-on-stdin-close      stop when standard input is closed
          -h, --help                 show this help

        The control endpoint is under /_emulator/ (see README.md).
        """;

    public string Urls { get; set; } = EmulatorDefaults.Urls;

    public string AccessKey { get; set; } = EmulatorDefaults.AccessKey;

    public string SecretKey { get; set; } = EmulatorDefaults.SecretKey;

    /// <summary>Regions seeded with the demo training dataset. Requests signed for other regions are served too.</summary>
    public IReadOnlyList<string> Regions { get; set; } = new[] { EmulatorDefaults.Region };

    public string AccountId { get; set; } = EmulatorDefaults.AccountId;

    public double TrainingSeconds { get; set; } = EmulatorDefaults.TrainingSeconds;

    /// <summary>Models whose training dataset's name contains this end CREATE_FAILED; empty disables it.</summary>
    public string FailMarker { get; set; } = EmulatorDefaults.FailMarker;

    public double ThrottleRate { get; set; }

    public double ErrorRate { get; set; }

    public int LatencyMs { get; set; }

    /// <summary>Quota of audience models per region; null for none.</summary>
    public int? MaxAudienceModels { get; set; }

    /// <summary>Quota of audience models in CREATE_PENDING or CREATE_IN_PROGRESS per region; null for none.</summary>
    public int? MaxPendingAudienceModels { get; set; } = EmulatorDefaults.MaxPendingAudienceModels;

    public int Seed { get; set; } = EmulatorDefaults.Seed;

    public bool Quiet { get; set; }

    public bool ExitOnStdinClose { get; set; }

    public bool ShowHelp { get; set; }

    /// <summary>Where per-request log lines go; standard output when null.</summary>
    public TextWriter? Output { get; set; }

    /// <summary>Parses command-line arguments (<c>--name value</c> or <c>--name=value</c>); throws ArgumentException with a readable message.</summary>
    public static EmulatorOptions Parse(string[] args)
    {
        var options = new EmulatorOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string name = arg;
            string? inlineValue = null;
            int equals = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg.Substring(0, equals);
                inlineValue = arg.Substring(equals + 1);
            }

            string Value()
            {
                if (inlineValue is not null) return inlineValue;
                if (i + 1 >= args.Length) throw new ArgumentException($"{name} needs a value.");
                return args[++i];
            }

            switch (name.ToLowerInvariant())
            {
                case "--urls": options.Urls = Value(); break;
                case "--access-key": options.AccessKey = Value(); break;
                case "--secret-key": options.SecretKey = Value(); break;
                case "--region":
                    options.Regions = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                case "--account-id": options.AccountId = Value(); break;
                case "--training-seconds": options.TrainingSeconds = ParseDouble(name, Value()); break;
                case "--fail-marker": options.FailMarker = Value(); break;
                case "--throttle-rate": options.ThrottleRate = ParseDouble(name, Value()); break;
                case "--error-rate": options.ErrorRate = ParseDouble(name, Value()); break;
                case "--latency-ms": options.LatencyMs = ParseInt(name, Value()); break;
                case "--max-audience-models": options.MaxAudienceModels = ParseQuota(name, Value()); break;
                case "--max-pending-audience-models": options.MaxPendingAudienceModels = ParseQuota(name, Value()); break;
                case "--seed": options.Seed = ParseInt(name, Value()); break;
                case "--quiet": options.Quiet = true; break;
                case "--exit-on-stdin-close": options.ExitOnStdinClose = true; break;
                case "-h" or "--help" or "-?": options.ShowHelp = true; break;
                default: throw new ArgumentException($"Unknown option '{arg}'. Use --help to see the options.");
            }
        }
        options.Validate();
        return options;
    }

    /// <summary>Throws ArgumentException naming the first option that cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Urls)) throw new ArgumentException("--urls must not be empty.");
        foreach (string url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp
                || !(uri.IsLoopback || uri.Host == "localhost"))
            {
                throw new ArgumentException($"--urls must be http:// URLs on loopback, such as http://127.0.0.1:0; '{url}' is not.");
            }
        }
        if (string.IsNullOrWhiteSpace(AccessKey)) throw new ArgumentException("--access-key must not be empty.");
        if (string.IsNullOrEmpty(SecretKey)) throw new ArgumentException("--secret-key must not be empty.");
        if (!Regex.IsMatch(AccountId, @"\A[0-9]{12}\z")) throw new ArgumentException("--account-id must be 12 digits.");
        if (Regions.Count == 0) throw new ArgumentException("--region needs at least one region.");
        foreach (string region in Regions)
        {
            if (!Regex.IsMatch(region, @"\A[a-z0-9]+(-[a-z0-9]+)*\z")) throw new ArgumentException($"'{region}' is not a region name such as us-east-1.");
        }
        Control.FaultSettings.From(this).Validate();
    }

    private static double ParseDouble(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new ArgumentException($"{name} expects a number, not '{text}'.");

    private static int ParseInt(string name, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ArgumentException($"{name} expects a whole number, not '{text}'.");

    private static int? ParseQuota(string name, string text)
    {
        if (string.Equals(text, "none", StringComparison.OrdinalIgnoreCase)) return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ArgumentException($"{name} expects a whole number of 0 or more, or none, not '{text}'.");
    }
}
