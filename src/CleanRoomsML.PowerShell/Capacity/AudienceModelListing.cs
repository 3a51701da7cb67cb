using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CleanRoomsML.Client;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.Client.Model;

namespace CleanRoomsML.PowerShell.Capacity;

/// <summary>Every audience model of a connection's region: all pages of ListAudienceModels.</summary>
internal static class AudienceModelListing
{
    public static async Task<List<AudienceModelDetails>> ReadAllAsync(CleanRoomsMLConnection connection, IAttemptObserver? observer, CancellationToken cancellation)
    {
        var models = new List<AudienceModelDetails>();
        string? token = null;
        do
        {
            var request = new PageRequest { MaxResults = ServiceConstraints.MaxPageSize, NextToken = token };
            Page<AudienceModelDetails> page = await connection.ListAudienceModelsAsync(request, observer, cancellation).ConfigureAwait(false);
            models.AddRange(page.Items);
            token = page.NextToken;
        }
        while (token is not null);
        return models;
    }
}
