using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;

namespace CleanRoomsML.Emulator.Tests.Support;

/// <summary>Sends SigV4-signed requests to an emulator, with knobs to sign them wrongly on purpose.</summary>
public sealed class EmulatorClient
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public EmulatorClient(Uri baseUrl, string region = EmulatorDefaults.Region)
    {
        BaseUrl = baseUrl;
        Region = region;
    }

    public Uri BaseUrl { get; }

    public string Region { get; init; }

    public string AccessKey { get; init; } = EmulatorDefaults.AccessKey;

    public string SecretKey { get; init; } = EmulatorDefaults.SecretKey;

    public string? SessionToken { get; init; }

    public string Service { get; init; } = "cleanrooms-ml";

    /// <summary>When set, the x-amz-date signed is this instead of now.</summary>
    public DateTime? SigningTime { get; init; }

    public bool IncludeContentSha256 { get; init; }

    public EmulatorClient ForRegion(string region) => new(BaseUrl, region)
    {
        AccessKey = AccessKey, SecretKey = SecretKey, SessionToken = SessionToken, Service = Service,
        SigningTime = SigningTime, IncludeContentSha256 = IncludeContentSha256,
    };

    /// <param name="pathAndQuery">Already encoded, e.g. /tags/arn%3Aaws...?tagKeys=a</param>
    /// <param name="sentBody">When given, the body actually sent instead of the one signed (to tamper).</param>
    /// <param name="sign">False sends no Authorization at all.</param>
    public async Task<ServiceResponse> SendAsync(string method, string pathAndQuery, string? body = null,
        string? sentBody = null, bool sign = true)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(BaseUrl, pathAndQuery));
        byte[] signedBytes = Encoding.UTF8.GetBytes(body ?? "");
        byte[] sentBytes = sentBody is null ? signedBytes : Encoding.UTF8.GetBytes(sentBody);
        if (body is not null || sentBody is not null)
        {
            request.Content = new ByteArrayContent(sentBytes);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }
        if (sign)
        {
            TestSigner.Sign(request, signedBytes, new TestSigner.Credentials(AccessKey, SecretKey, SessionToken), Region,
                SigningTime ?? DateTime.UtcNow, Service, IncludeContentSha256);
        }

        using var response = await Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return new ServiceResponse((int)response.StatusCode,
            response.Headers.TryGetValues("X-Amzn-Errortype", out var types) ? types.First() : null,
            response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.First() : null,
            response.Content.Headers.ContentType?.MediaType,
            text);
    }

    public Task<ServiceResponse> PostAsync(string path, JsonNode body) => SendAsync("POST", path, body.ToJsonString());

    public Task<ServiceResponse> GetAsync(string pathAndQuery) => SendAsync("GET", pathAndQuery);

    public Task<ServiceResponse> DeleteAsync(string pathAndQuery) => SendAsync("DELETE", pathAndQuery);

    public static string Encode(string arn) => Uri.EscapeDataString(arn);

    public async Task<string> CreateAudienceModelAsync(string name, string datasetArn, JsonObject? extra = null)
    {
        var body = Bodies.AudienceModel(name, datasetArn, extra);
        var response = await PostAsync("/audience-model", body);
        Assert.True(response.Status == 200, $"CreateAudienceModel failed: {response}");
        return response.String("audienceModelArn");
    }

    public async Task<string> CreateTrainingDatasetAsync(string name, JsonObject? extra = null)
    {
        var response = await PostAsync("/training-dataset", Bodies.TrainingDataset(name, extra));
        Assert.True(response.Status == 200, $"CreateTrainingDataset failed: {response}");
        return response.String("trainingDatasetArn");
    }

    /// <summary>A region no other test uses, so lists in it start empty. It has no seeded dataset.</summary>
    public static string UniqueRegion() => "test-" + Guid.NewGuid().ToString("N").Substring(0, 10);
}
