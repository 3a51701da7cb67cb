using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace CleanRoomsML.PowerShell.Scheduling;

/// <summary>What a <see cref="RowScheduler"/> knows of one place: its gate, its held rows and its last look.</summary>
internal sealed class PlaceState
{
    private readonly List<ScheduledRow> _held = new();

    public PlaceState(ICapacityPlace place) => Place = place;

    public ICapacityPlace Place { get; }

    /// <summary>
    /// A quota has refused a row here and the run waits for capacity: from now on a row is sent only while
    /// <see cref="Allowance"/> (slots seen to be free) lasts.
    /// </summary>
    public bool Gated { get; set; }

    public int Allowance { get; set; }

    /// <summary>The quota as the last refusal gave it; null when it did not.</summary>
    public double? QuotaValue { get; set; }

    /// <summary>The jobs occupying the quota at the last look; null before the first.</summary>
    public IReadOnlyCollection<string>? Busy { get; set; }

    /// <summary>A look in progress.</summary>
    public Task<IReadOnlyCollection<string>>? Look { get; set; }

    /// <summary>Rows that succeeded here while the current look ran: the look may not have seen them.</summary>
    public int SucceededDuringLook { get; set; }

    public TimeSpan NextLookAt { get; set; }

    /// <summary>The pause before the next look; it grows from the first poll interval to the poll interval.</summary>
    public TimeSpan LookInterval { get; set; }

    /// <summary>Looks that failed in a row.</summary>
    public int FailedLooks { get; set; }

    /// <summary>Rows sent here and not yet answered.</summary>
    public int Sending { get; set; }

    public List<ScheduledRow> AwaitingLook { get; } = new();

    /// <summary>Held rows, in row order.</summary>
    public IReadOnlyList<ScheduledRow> Held => _held;

    public void Hold(ScheduledRow row)
    {
        row.State = RowState.Held;
        int at = _held.FindIndex(other => other.Number > row.Number);
        _held.Insert(at < 0 ? _held.Count : at, row);
    }

    public void Unhold(ScheduledRow row) => _held.Remove(row);

    public List<ScheduledRow> TakeAllHeld()
    {
        var rows = _held.ToList();
        _held.Clear();
        return rows;
    }

    public CapacityFacts Facts(TimeSpan? waited = null) => new(Place.Name, QuotaValue, Busy?.Count ?? 0, waited);
}
