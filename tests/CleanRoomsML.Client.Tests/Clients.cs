using Amazon.Runtime;
using CleanRoomsML.Client.Runtime;
using CleanRoomsML.Emulator;

namespace CleanRoomsML.Client.Tests;

internal static class Clients
{
    /// <summary>An SDK-level client for the emulator, built the plain way an SDK user would build one.</summary>
    public static CleanRoomsMLClient Sdk(EmulatorFixture emulator, int? maxErrorRetry = null)
    {
        var config = new CleanRoomsMLConfig { ServiceURL = emulator.Server.Url.ToString(), AuthenticationRegion = "us-east-1" };
        if (maxErrorRetry is { } retries) config.MaxErrorRetry = retries;
        return new CleanRoomsMLClient(new BasicAWSCredentials(EmulatorDefaults.AccessKey, EmulatorDefaults.SecretKey), config);
    }
}
