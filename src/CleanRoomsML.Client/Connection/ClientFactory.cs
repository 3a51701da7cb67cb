using System;
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

        region = ResolveRegion(settings, profiles, profileName);
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
        if (settings.ProfileName is not null || settings.ProfileLocation is not null)
        {
            config.Profile = new Profile(profileName, settings.ProfileLocation); // retry_mode, max_attempts, ...
        }

        AWSCredentials? credentials = ResolveCredentials(settings, profiles, profileName, out credentialSource);
        return credentials is null ? new CleanRoomsMLClient(config) : new CleanRoomsMLClient(credentials, config);
    }

    private static string ResolveRegion(ConnectionSettings settings, CredentialProfileStoreChain profiles, string profileName)
    {
        string? region = settings.Region
            ?? Environment("AWS_REGION")
            ?? Environment("AWS_DEFAULT_REGION")
            ?? (profiles.TryGetProfile(profileName, out CredentialProfile profile) ? profile.Region?.SystemName : null);

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
                    "An access key and a secret key must be given together.");
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
