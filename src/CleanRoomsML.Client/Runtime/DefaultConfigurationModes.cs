using System;
using System.Collections.Generic;
using Amazon.Runtime;

namespace CleanRoomsML.Client.Runtime;

/// <summary>
/// The SDK's "defaults modes" (AWS_DEFAULTS_MODE / defaults_mode), with the values every AWS SDK uses:
/// all retry in Standard mode; they differ in connect timeouts.
/// </summary>
internal static class DefaultConfigurationModes
{
    public static IReadOnlyList<IDefaultConfiguration> All { get; } = new[]
    {
        Mode(DefaultConfigurationMode.Standard, connectTimeoutMs: 3100),
        Mode(DefaultConfigurationMode.InRegion, connectTimeoutMs: 1100),
        Mode(DefaultConfigurationMode.CrossRegion, connectTimeoutMs: 3100),
        Mode(DefaultConfigurationMode.Mobile, connectTimeoutMs: 30000),
        Mode(DefaultConfigurationMode.Auto, connectTimeoutMs: 1100),
    };

    private static IDefaultConfiguration Mode(DefaultConfigurationMode name, int connectTimeoutMs) => new DefaultConfiguration
    {
        Name = name,
        RetryMode = RequestRetryMode.Standard,
        ConnectTimeout = TimeSpan.FromMilliseconds(connectTimeoutMs),
        TlsNegotiationTimeout = TimeSpan.FromMilliseconds(connectTimeoutMs),
    };
}
