namespace CleanRoomsML.PowerShell.Scheduling;

/// <summary>
/// Where <see cref="RowScheduler"/> writes what is not a row's outcome. Always called on the thread that
/// calls the scheduler (the pipeline thread), so an implementation may write to the pipeline directly.
/// </summary>
internal interface IRowSink
{
    void WriteVerbose(string line);

    /// <summary>How a wait for capacity stands; written only while rows are held.</summary>
    void WriteProgress(CapacityProgress progress);

    /// <summary>No row is held any more: the progress display can go.</summary>
    void CompleteProgress();
}

/// <summary>A wait for capacity as a person would follow it.</summary>
/// <param name="Created">Rows that succeeded so far in this run.</param>
/// <param name="Busy">Jobs occupying the quota at the last look, in all places that rows wait for.</param>
/// <param name="Waiting">Rows held for a slot or for a retry.</param>
/// <param name="HeldRow">The first held row, in words, with where it waits.</param>
internal sealed record CapacityProgress(int Created, int Busy, int Waiting, string HeldRow);
