using CleanRoomsML.Client;
using CleanRoomsML.PowerShell.Scheduling;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// Turns the attempt reports of SDK threads into verbose lines, posted to the pipeline thread's mailbox:
/// only that thread may write them, and it does whenever it runs the mailbox.
/// </summary>
internal sealed class AttemptLog
{
    private readonly PipelineMailbox _mailbox;
    private readonly System.Action<string> _writeVerbose;

    public AttemptLog(PipelineMailbox mailbox, System.Action<string> writeVerbose)
    {
        _mailbox = mailbox;
        _writeVerbose = writeVerbose;
    }

    /// <summary>An observer for one call; a label (such as the model's name) tells overlapping calls apart.</summary>
    public IAttemptObserver For(string? label) => new CallObserver(this, label is null ? "" : $" ({label})");

    private void Write(string line) => _mailbox.Post(() => _writeVerbose(line));

    private sealed class CallObserver(AttemptLog log, string suffix) : IAttemptObserver
    {
        public void AttemptStarting(int attempt, string method, string url) =>
            log.Write(attempt == 1 ? $"{method} {url}{suffix}" : $"{method} {url}{suffix} (attempt {attempt}, retrying)");

        public void AttemptFailed(int attempt, string reason) => log.Write($"Attempt {attempt}{suffix} failed: {reason}");
    }
}
