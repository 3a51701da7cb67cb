using System.Management.Automation;
using CleanRoomsML.PowerShell.Scheduling;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>Writes what a <see cref="RowScheduler"/> reports to a cmdlet's verbose stream and progress bar.</summary>
internal sealed class PipelineRowSink : IRowSink
{
    private readonly Cmdlet _cmdlet;
    private readonly int _progressId;
    private readonly string _activity;

    public PipelineRowSink(Cmdlet cmdlet, int progressId, string activity)
    {
        _cmdlet = cmdlet;
        _progressId = progressId;
        _activity = activity;
    }

    public void WriteVerbose(string line) => _cmdlet.WriteVerbose(line);

    public void WriteProgress(CapacityProgress progress) =>
        _cmdlet.WriteProgress(new ProgressRecord(_progressId, _activity,
            $"{progress.Created} created, {progress.Busy} training, {progress.Waiting} waiting for a slot")
        {
            CurrentOperation = $"Holding {progress.HeldRow}",
        });

    public void CompleteProgress() =>
        _cmdlet.WriteProgress(new ProgressRecord(_progressId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
}
