using System;

namespace CleanRoomsML.Client.Connection;

public enum ConfigurationProblemKind
{
    MissingRegion,
    InvalidRegion,
    ProfileNotFound,
    IncompleteKeys,
    InvalidEndpoint,
    ClientSetup,
}

/// <summary>The connection cannot be set up: nothing was sent.</summary>
public sealed class CleanRoomsMLConfigurationException : Exception
{
    public CleanRoomsMLConfigurationException(ConfigurationProblemKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    public ConfigurationProblemKind Kind { get; }
}
