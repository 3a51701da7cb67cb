using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CleanRoomsML.Emulator.Control;
using Microsoft.AspNetCore.Http;

namespace CleanRoomsML.Emulator.Hosting;

/// <summary>
/// The unsigned JSON endpoint under /_emulator/ for tests and demos: health, request log, faults, reset.
/// Only loopback clients may use it. It never shows the secret key.
/// </summary>
internal sealed class ControlEndpoint
{
    public const string Prefix = "/_emulator";
    private readonly EmulatorControl _control;

    public ControlEndpoint(EmulatorControl control) => _control = control;

    public static bool Handles(HttpRequest request) =>
        request.Path.StartsWithSegments(Prefix, StringComparison.Ordinal);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
        {
            await JsonOutput.WriteAsync(context.Response, 403, Message("The control endpoint only answers loopback clients."));
            return;
        }

        string path = request.Path.Value!.Substring(Prefix.Length).TrimEnd('/');
        (int status, JsonNode body) = (request.Method, path) switch
        {
            ("GET", "/health") => (200, new JsonObject { ["status"] = "ok" }),
            ("GET", "/requests") => (200, Counts()),
            ("GET", "/requests/last") => _control.LastRequest is { } last
                ? (200, ToJson(last))
                : (404, Message("No service request has been received yet.")),
            ("GET", "/requests/recent") => (200, new JsonObject
            {
                ["requests"] = new JsonArray(_control.RecentRequests.Select(r => (JsonNode?)ToJson(r)).ToArray()),
            }),
            ("POST", "/reset") => Reset(),
            ("GET", "/faults") => (200, Faults()),
            ("POST", "/faults") => await UpdateFaultsAsync(request),
            _ => (404, Message($"No control operation {request.Method} {Prefix}{path}. See the emulator README.")),
        };
        await JsonOutput.WriteAsync(context.Response, status, body);
    }

    private JsonObject Counts() => new()
    {
        ["total"] = _control.TotalRequests,
        ["maxInFlight"] = _control.MaxRequestsInFlight,
        ["byOperation"] = ToJson(_control.RequestCounts),
        ["rejected"] = ToJson(_control.RejectedCounts),
    };

    private (int, JsonNode) Reset()
    {
        _control.Reset();
        return (200, new JsonObject { ["status"] = "reset" });
    }

    private JsonObject Faults()
    {
        var settings = _control.Faults;
        return new JsonObject
        {
            ["throttleRate"] = settings.ThrottleRate,
            ["errorRate"] = settings.ErrorRate,
            ["latencyMs"] = settings.LatencyMs,
            ["maxAudienceModels"] = settings.MaxAudienceModels,
            ["maxPendingAudienceModels"] = settings.MaxPendingAudienceModels,
            ["trainingSeconds"] = settings.TrainingSeconds,
            ["script"] = new JsonArray(_control.PendingFaults.Select(f => (JsonNode?)new JsonObject
            {
                ["status"] = f.Status,
                ["errorType"] = f.ErrorType,
                ["message"] = f.Message,
            }).ToArray()),
        };
    }

    private async Task<(int, JsonNode)> UpdateFaultsAsync(HttpRequest request)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ArgumentException("The body must be a JSON object.");

            var settings = _control.Faults;
            foreach (var member in root.EnumerateObject())
            {
                var value = member.Value;
                settings = member.Name switch
                {
                    "throttleRate" => settings with { ThrottleRate = value.GetDouble() },
                    "errorRate" => settings with { ErrorRate = value.GetDouble() },
                    "latencyMs" => settings with { LatencyMs = value.GetInt32() },
                    "maxAudienceModels" => settings with { MaxAudienceModels = Quota(value) },
                    "maxPendingAudienceModels" => settings with { MaxPendingAudienceModels = Quota(value) },
                    "trainingSeconds" => settings with { TrainingSeconds = value.GetDouble() },
                    "script" => settings,
                    _ => throw new ArgumentException($"Unknown member '{member.Name}'."),
                };
            }
            settings.Validate();
            var script = root.TryGetProperty("script", out var scriptElement) ? ReadScript(scriptElement) : null;

            _control.Faults = settings;
            if (script is not null)
            {
                _control.ClearFaultScript();
                _control.EnqueueFaults(script.ToArray());
            }
            return (200, Faults());
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            return (400, Message($"Invalid faults request: {e.Message}"));
        }
    }

    private static int? Quota(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetInt32();

    private static List<ScriptedFault> ReadScript(JsonElement script)
    {
        if (script.ValueKind != JsonValueKind.Array) throw new ArgumentException("script must be an array.");
        var faults = new List<ScriptedFault>();
        foreach (var item in script.EnumerateArray())
        {
            int status = item.GetProperty("status").GetInt32();
            if (status is < 400 or > 599) throw new ArgumentException("A scripted fault's status must be 400-599.");
            string errorType = item.TryGetProperty("errorType", out var type) ? type.GetString() ?? "" : "";
            if (errorType.Length == 0) throw new ArgumentException("A scripted fault needs an errorType.");
            string message = item.TryGetProperty("message", out var text) ? text.GetString() ?? "" : "";
            faults.Add(new ScriptedFault(status, errorType, message));
        }
        return faults;
    }

    private static JsonObject ToJson(RecordedRequest request)
    {
        var headers = new JsonObject();
        foreach (var header in request.Headers) headers[header.Key] = header.Value;
        return new JsonObject
        {
            ["time"] = CleanRoomsML.Client.Iso8601.Format(request.Time),
            ["method"] = request.Method,
            ["rawTarget"] = request.RawTarget,
            ["path"] = request.Path,
            ["query"] = request.Query,
            ["headers"] = headers,
            ["body"] = request.Body,
            ["operation"] = request.Operation,
            ["status"] = request.Status,
            ["errorType"] = request.ErrorType,
            ["requestId"] = request.RequestId,
        };
    }

    private static JsonObject ToJson(IReadOnlyDictionary<string, int> counts)
    {
        var json = new JsonObject();
        foreach (var count in counts) json[count.Key] = count.Value;
        return json;
    }

    private static JsonObject Message(string message) => new() { ["message"] = message };
}
