using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CleanRoomsML.Client;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Model;
using CleanRoomsML.PowerShell.Scheduling;

namespace CleanRoomsML.PowerShell.Capacity;

/// <summary>
/// The training slots of one connection's region (quota "Pending or in-progress audience models per
/// customer"): what occupies them is read from the region's models, never guessed from an error's text.
/// </summary>
internal sealed class TrainingSlots : ICapacityPlace
{
    private readonly CleanRoomsMLConnection _connection;
    private readonly Func<string, IAttemptObserver?> _observerFor;

    public TrainingSlots(CleanRoomsMLConnection connection, Func<string, IAttemptObserver?> observerFor)
    {
        _connection = connection;
        _observerFor = observerFor;
    }

    public string Name => _connection.Region;

    public Task<IReadOnlyCollection<string>> ReadBusyAsync(CancellationToken cancellation) => Task.Run(async () =>
    {
        var models = await AudienceModelListing.ReadAllAsync(_connection, _observerFor($"models in training in {Name}"), cancellation).ConfigureAwait(false);
        return (IReadOnlyCollection<string>)models.Where(m => AudienceModelStatus.IsTraining(m.Status)).Select(m => m.AudienceModelArn).ToList();
    }, cancellation);

    /// <summary>What a failed create means for capacity: a 402 is a quota (which one is found by looking), a throttle is a throttle.</summary>
    public static Refusal Classify(Exception error) => error switch
    {
        CleanRoomsMLRequestException { StatusCode: 402 } quota => new Refusal(RefusalKind.Quota, quota.QuotaValue),
        CleanRoomsMLRequestException { ErrorCode: "ThrottlingException" } => new Refusal(RefusalKind.Throttled),
        _ => Refusal.None,
    };
}
