using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CleanRoomsML.PowerShell.Scheduling;

/// <summary>
/// One place where rows compete for the same quota (for audience models: one connection, the same
/// credentials, region and endpoint), and how to see what occupies it now.
/// </summary>
internal interface ICapacityPlace
{
    /// <summary>The place in words, such as "us-east-1".</summary>
    string Name { get; }

    /// <summary>The ids of the jobs that occupy the quota now (for audience models: the ARNs of those in training).</summary>
    Task<IReadOnlyCollection<string>> ReadBusyAsync(CancellationToken cancellation);
}
