using System;
using System.Collections.Generic;
using System.Linq;
using Amazon.Runtime.CredentialManagement;

namespace CleanRoomsML.Client.Connection;

/// <summary>
/// The profile names a user can give to -ProfileName, read from the local profile files only (the shared
/// config and credentials files, or the file given as the profile location; on Windows also the SDK's own
/// store). Nothing is resolved: no credentials are loaded, no SSO or role call is made, nothing goes on
/// the network.
/// </summary>
public static class KnownProfiles
{
    /// <summary>The profile names, sorted and without duplicates; empty when the files are missing or unreadable.</summary>
    public static IReadOnlyList<string> Names(string? profileLocation)
    {
        try
        {
            return new CredentialProfileStoreChain(profileLocation).ListProfiles()
                .Select(p => p.Name)
                .Where(n => !string.IsNullOrEmpty(n))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }
        catch (Exception e) when (e is System.IO.IOException || e is UnauthorizedAccessException || e is Amazon.Runtime.AmazonClientException
            || e is FormatException || e is ArgumentException || e is InvalidOperationException)
        {
            // Completion must never fail: a missing or malformed file simply offers nothing.
            return Array.Empty<string>();
        }
    }
}
