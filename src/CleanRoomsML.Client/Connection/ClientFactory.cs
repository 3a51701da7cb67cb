using System;
using System.Globalization;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using CleanRoomsML.Client.Runtime;

namespace CleanRoomsML.Client.Connection;

/// <summary>
/// Builds a <see cref="CleanRoomsMLClient"/> from <see cref="ConnectionSettings"/>, resolving as the AWS CLI
/// does. The region is never looked up from instance metadata, so a machine with no region fails at once.
/// </summary>
internal static class ClientFactory
{
    public static CleanRoomsMLClient Create(ConnectionSettings settings, out string region, out string credentialSource)
    {
        var profiles = new CredentialProfileStoreChain(settings.ProfileLocation);
        string profileName = settings.ProfileName ?? Environment("AWS_PROFILE") ?? "default";

        profiles.TryGetProfile(profileName, out CredentialProfile? profile);
        region = ResolveRegion(settings, profile);
        var config = new CleanRoomsMLConfig();
        if (settings.EndpointUrl is not null)
        {
            if (!Uri.TryCreate(settings.EndpointUrl, UriKind.Absolute, out Uri? uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                throw new CleanRoomsMLConfigurationException(ConfigurationProblemKind.InvalidEndpoint,
                    $"The endpoint URL '{settings.EndpointUrl}' is not an absolute http or https URL.");
            config.ServiceURL = settings.EndpointUrl;
            config.AuthenticationRegion = region; // else the SDK guesses the signing region from the host name
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        ApplyRetrySettings(config, profile);

        AWSCredentials? credentials = ResolveCredentials(settings, profiles, profileName, out credentialSource);
        return credentials is null ? new CleanRoomsMLClient(config) : new CleanRoomsMLClient(credentials, config);
    }

    /// <summary>
    /// AWS_MAX_ATTEMPTS and AWS_RETRY_MODE, else the profile's max_attempts and retry_mode. Read for each
    /// client, because the SDK reads the environment once per process.
    /// </summary>
    private static void ApplyRetrySettings(CleanRoomsMLConfig config, CredentialProfile? profile)
    {
        string? attemptsText = Environment("AWS_MAX_ATTEMPTS");
        int? maxAttempts = attemptsText is null ? profile?.MaxAttempts
            : int.TryParse(attemptsText, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) && parsed > 0 ? parsed
            : throw new CleanRoomsMLConfigurationException(ConfigurationProblemKind.ClientSetup,
                $"AWS_MAX_ATTEMPTS must be a whole number of 1 or more; it is '{attemptsText}'.");
        if (maxAttempts is { } attempts) config.MaxErrorRetry = attempts - 1;

        string? modeText = Environment("AWS_RETRY_MODE");
        RequestRetryMode? mode = modeText is null ? profile?.RetryMode
            : Enum.TryParse(modeText, ignoreCase: true, out RequestRetryMode parsedMode) && modeText.Trim().Length > 0 && !char.IsDigit(modeText.Trim()[0]) ? parsedMode
            : throw new CleanRoomsMLConfigurationException(ConfigurationProblemKind.ClientSetup,
                $"AWS_RETRY_MODE must be 'standard' or 'adaptive'; it is '{modeText}'.");
        if (mode is { } retryMode) config.RetryMode = retryMode;
    }

    private static string ResolveRegion(ConnectionSettings settings, CredentialProfile? profile)
    {
        string? region = settings.Region
            ?? Environment("AWS_REGION")
            ?? Environment("AWS_DEFAULT_REGION")
            ?? profile?.Region?.SystemName;

        if (string.IsNullOrWhiteSpace(region))
            throw new CleanRoomsMLConfigurationException(ConfigurationProblemKind.MissingRegion,
                "No AWS region is set: give one explicitly, set the AWS_REGION environment variable, or set 'region' in the profile.");
        if (RegionName.Check(region!) is { } problem)
            throw new CleanRoomsMLConfigurationException(ConfigurationProblemKind.InvalidRegion, problem);
        return region!;
    }

    private static AWSCredentials? ResolveCredentials(ConnectionSettings settings, CredentialProfileStoreChain profiles,
        string profileName, out string source)
    {
        if (settings.HasExplicitKeys)
        {
            if (string.IsNullOrEmpty(settings.AccessKey) || string.IsNullOrEmpty(settings.SecretKey))
                throw new CleanRoomsMLConfigurationException(ConfigurationProblemKind.IncompleteKeys,
                    "An access key and a secret key must be given together, and a session token needs both.");
            source = $"access key {settings.AccessKey}";
            return string.IsNullOrEmpty(settings.SessionToken)
                ? new BasicAWSCredentials(settings.AccessKey, settings.SecretKey)
                : new SessionAWSCredentials(settings.AccessKey, settings.SecretKey, settings.SessionToken);
        }

        if (settings.ProfileName is not null || settings.ProfileLocation is not null)
        {
            if (!profiles.TryGetAWSCredentials(profileName, out AWSCredentials credentials))
                throw new CleanRoomsMLConfigurationException(ConfigurationProblemKind.ProfileNotFound,
                    $"The profile '{profileName}' was not found{(settings.ProfileLocation is null ? "" : $" in '{settings.ProfileLocation}'")}, or it holds no usable credentials.");
            source = $"profile {profileName}";
            return credentials;
        }

        source = "the default credential chain (environment, AWS_PROFILE or default profile, SSO, container, instance)";
        return null;
    }

    private static string? Environment(string name)
    {
        string? value = System.Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
