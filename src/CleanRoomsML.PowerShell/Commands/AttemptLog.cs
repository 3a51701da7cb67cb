using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using CleanRoomsML.Client;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// Collects attempt reports from SDK threads for the pipeline thread, the only one that may write them,
/// and wakes that thread when a call it may be waiting for ends. Deliberately not disposed: a wake-up can
/// be added after the command has ended (the continuation of a call already written), and it holds no
/// handle until a wait needs one.
/// </summary>
internal sealed class AttemptLog
{
    // A null entry is a wake-up: some call has ended.
    private readonly BlockingCollection<string?> _entries = new();

    /// <summary>An observer for one call; a label (such as the model's name) tells overlapping calls apart.</summary>
    public IAttemptObserver For(string? label) => new CallObserver(this, label is null ? "" : $" ({label})");

    /// <summary>Wakes <see cref="WriteUntilEnded"/> once the task has ended.</summary>
    public void Watch(Task task) => task.ContinueWith(_ => _entries.Add(null), TaskScheduler.Default);

    /// <summary>Writes reports as they arrive until the task (watched with <see cref="Watch"/>) has ended.</summary>
    public void WriteUntilEnded(Task task, Action<string> write)
    {
        // Each wake-up is added after its task ended, so checking before every Take cannot miss the end.
        while (!task.IsCompleted)
        {
            string? entry = _entries.Take();
            if (entry is not null) write(entry);
        }
        WriteWaiting(write);
    }

    /// <summary>Writes the reports that have arrived, without waiting.</summary>
    public void WriteWaiting(Action<string> write)
    {
        while (_entries.TryTake(out string? entry))
        {
            if (entry is not null) write(entry);
        }
    }

    private sealed class CallObserver(AttemptLog log, string suffix) : IAttemptObserver
    {
        public void AttemptStarting(int attempt, string method, string url) =>
            log._entries.Add(attempt == 1 ? $"{method} {url}{suffix}" : $"{method} {url}{suffix} (attempt {attempt}, retrying)");

        public void AttemptFailed(int attempt, string reason) => log._entries.Add($"Attempt {attempt}{suffix} failed: {reason}");
    }
}
