using System;
using System.Collections.Generic;
using System.Linq;
using Amazon;

namespace CleanRoomsML.Client.Connection;

/// <summary>A region the AWS SDK knows by name, for argument completion.</summary>
public sealed class KnownRegion
{
    public KnownRegion(string name, string displayName)
    {
        Name = name;
        DisplayName = displayName;
    }

    /// <summary>The system name, such as us-east-1.</summary>
    public string Name { get; }

    /// <summary>The SDK's description, such as "US East (N. Virginia)".</summary>
    public string DisplayName { get; }
}

/// <summary>
/// The regions of the SDK's built-in endpoint data, read from memory without any network call. Pseudo
/// regions such as aws-global are left out: they are not places a model can live.
/// </summary>
public static class KnownRegions
{
    private static readonly Lazy<IReadOnlyList<KnownRegion>> s_all = new(Load);

    /// <summary>Every known region, sorted by name.</summary>
    public static IReadOnlyList<KnownRegion> All => s_all.Value;

    /// <summary>The names of every known region, sorted.</summary>
    public static IReadOnlyList<string> Names => All.Select(r => r.Name).ToList();

    private static IReadOnlyList<KnownRegion> Load() =>
        RegionEndpoint.EnumerableAllRegions
            .Where(r => IsRegion(r.SystemName))
            .Select(r => new KnownRegion(r.SystemName, r.DisplayName ?? r.SystemName))
            .GroupBy(r => r.Name, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

    // Real regions end in a number (us-east-1, eu-central-2); aws-global and its kind do not.
    private static bool IsRegion(string? name) =>
        !string.IsNullOrEmpty(name) && char.IsDigit(name![name.Length - 1]) && RegionName.Check(name) is null;
}
