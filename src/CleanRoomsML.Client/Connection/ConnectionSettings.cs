using System;

namespace CleanRoomsML.Client.Connection;

/// <summary>
/// What a caller said about where and as whom to connect. Anything left null is resolved the way the AWS
/// CLI resolves it: explicit values, then the environment, then the profile. Two equal settings share
/// one client. <see cref="ToString"/> never shows the secret key or the session token.
/// </summary>
public sealed class ConnectionSettings : IEquatable<ConnectionSettings>
{
    public string? Region { get; init; }

    public string? ProfileName { get; init; }

    /// <summary>A shared credentials file to read instead of the default one.</summary>
    public string? ProfileLocation { get; init; }

    public string? AccessKey { get; init; }

    public string? SecretKey { get; init; }

    public string? SessionToken { get; init; }

    /// <summary>A custom endpoint, such as the local emulator's URL.</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>True when any key part is given; a session token alone counts, so it is not silently ignored.</summary>
    public bool HasExplicitKeys =>
        !string.IsNullOrEmpty(AccessKey) || !string.IsNullOrEmpty(SecretKey) || !string.IsNullOrEmpty(SessionToken);

    /// <summary>The same settings for another region (null: resolve it as usual).</summary>
    public ConnectionSettings WithRegion(string? region) => new()
    {
        Region = region,
        ProfileName = ProfileName,
        ProfileLocation = ProfileLocation,
        AccessKey = AccessKey,
        SecretKey = SecretKey,
        SessionToken = SessionToken,
        EndpointUrl = EndpointUrl,
    };

    public bool Equals(ConnectionSettings? other) =>
        other is not null
        && Region == other.Region
        && ProfileName == other.ProfileName
        && ProfileLocation == other.ProfileLocation
        && AccessKey == other.AccessKey
        && SecretKey == other.SecretKey
        && SessionToken == other.SessionToken
        && EndpointUrl == other.EndpointUrl;

    public override bool Equals(object? obj) => Equals(obj as ConnectionSettings);

    public override int GetHashCode()
    {
        unchecked
        {
            int hash = 17;
            foreach (string? part in new[] { Region, ProfileName, ProfileLocation, AccessKey, SecretKey, SessionToken, EndpointUrl })
                hash = hash * 31 + (part?.GetHashCode() ?? 0);
            return hash;
        }
    }

    public override string ToString()
    {
        string who = HasExplicitKeys ? $"access key {AccessKey}" : ProfileName is not null ? $"profile {ProfileName}" : "default credentials";
        return $"region {Region ?? "(resolved)"}, {who}{(EndpointUrl is null ? "" : ", endpoint " + EndpointUrl)}";
    }
}
