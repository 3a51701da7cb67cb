using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using CleanRoomsML.Emulator.Control;
using CleanRoomsML.Emulator.Operations;
using CleanRoomsML.Emulator.Protocol;
using CleanRoomsML.Emulator.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CleanRoomsML.Emulator.Hosting;

/// <summary>
/// Answers one service request: route, verify the signature, apply faults, run the operation, write the
/// answer with its request id, then log it. The order is fixed: a bad signature is refused before faults,
/// and a scripted fault is answered before the operation sees the request.
/// </summary>
internal sealed class ServicePipeline
{
    private readonly EmulatorOptions _options;
    private readonly SigV4Verifier _verifier;
    private readonly OperationRouter _router;
    private readonly FaultInjector _faults;
    private readonly RequestLog _log;
    private readonly TextWriter? _output;

    public ServicePipeline(EmulatorOptions options, SigV4Verifier verifier, OperationRouter router, FaultInjector faults, RequestLog log)
    {
        _options = options;
        _verifier = verifier;
        _router = router;
        _faults = faults;
        _log = log;
        _output = options.Quiet ? null : TextWriter.Synchronized(options.Output ?? Console.Out);
    }

    public async Task HandleAsync(HttpContext context)
    {
        _log.Started();
        try
        {
            await AnswerAsync(context);
        }
        finally
        {
            _log.Ended();
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var stopwatch = Stopwatch.StartNew();
        var request = context.Request;
        string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString).ToString();
        int queryStart = rawTarget.IndexOf('?');
        string rawPath = queryStart < 0 ? rawTarget : rawTarget.Substring(0, queryStart);
        string rawQuery = queryStart < 0 ? "" : rawTarget.Substring(queryStart + 1);
        byte[] body = await ReadBodyAsync(request, context.RequestAborted);
        var headers = request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? ""))).ToList();

        var match = _router.Match(request.Method, rawPath);
        string requestId = Guid.NewGuid().ToString("D");
        int status;
        JsonObject? answer;
        ServiceException? error = null;
        try
        {
            var signature = _verifier.Verify(request.Method, rawPath, rawQuery, headers, body, DateTimeOffset.UtcNow);
            if (!signature.IsValid)
            {
                throw new ServiceException(signature.StatusCode, signature.ErrorType!, signature.Message!, RejectionCategory.Signature);
            }
            if (match is not { } found) throw ServiceException.UnknownOperation(request.Method, rawPath);

            await _faults.ApplyAsync(context.RequestAborted);
            var serviceRequest = new ServiceRequest(found.Route.Operation, signature.Region!, _options.AccountId, found.Label,
                ParseQuery(rawQuery), body, DateTime.UtcNow);
            answer = found.Route.Handle(serviceRequest);
            status = 200;
        }
        catch (ServiceException e)
        {
            error = e;
            status = e.StatusCode;
            answer = e.ToBody();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = new ServiceException(500, ErrorTypes.InternalService, $"The emulator failed: {e.GetType().Name}: {e.Message}", "internal");
            status = 500;
            answer = error.ToBody();
        }

        context.Response.Headers["x-amzn-RequestId"] = requestId;
        if (error is not null) context.Response.Headers["X-Amzn-Errortype"] = error.ErrorType;
        if (answer is null)
        {
            context.Response.StatusCode = status;
            context.Response.ContentLength = 0;
        }
        else
        {
            await JsonOutput.WriteAsync(context.Response, status, answer);
        }

        string? operation = match?.Route.Operation;
        _log.Record(new RecordedRequest(DateTime.UtcNow, request.Method, rawTarget, rawPath, rawQuery,
            HeaderMap(headers), Encoding.UTF8.GetString(body), operation, status, error?.ErrorType, requestId), error?.Category);
        _output?.WriteLine($"{request.Method} {rawPath} -> {status} {operation ?? "(no operation)"}"
            + (error is null ? "" : " " + error.ErrorType) + $" ({stopwatch.ElapsedMilliseconds} ms)");
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static IReadOnlyList<KeyValuePair<string, string>> ParseQuery(string rawQuery) =>
        rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                int equals = pair.IndexOf('=');
                string name = equals < 0 ? pair : pair.Substring(0, equals);
                string value = equals < 0 ? "" : pair.Substring(equals + 1);
                return new KeyValuePair<string, string>(AwsUriEncoding.Decode(name), AwsUriEncoding.Decode(value));
            })
            .ToList();

    private static IReadOnlyDictionary<string, string> HeaderMap(IEnumerable<KeyValuePair<string, string>> headers) =>
        headers.GroupBy(h => h.Key.ToLowerInvariant())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(",", g.Select(h => h.Value)));
}
