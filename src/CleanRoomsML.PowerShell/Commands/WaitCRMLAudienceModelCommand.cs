using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.Client.Model;
using CleanRoomsML.PowerShell.Errors;
using CleanRoomsML.PowerShell.Output;
using CleanRoomsML.PowerShell.Validation;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// Waits for audience models to finish training. A pipeline has one thread, so waiting happens as input
/// arrives: each time a model is received and the poll interval has passed, the models held so far are
/// polled (one GetAudienceModel each) and those that finished are written; after the input ends, polling goes
/// on until all are done. A failed model, or one still unfinished -TimeoutSec after it was received, becomes an
/// error record whose TargetObject is its input.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "CRMLAudienceModel")]
[OutputType(typeof(AudienceModel))]
public sealed class WaitCRMLAudienceModelCommand : CleanRoomsMLCmdlet
{
    private const string Activity = "Waiting for audience models";
    private const int ProgressId = 6;

    private readonly List<WaitingModel> _models = new();
    private readonly List<WaitingModel> _waiting = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastRound;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Arn")]
    [ValidateServiceConstraint(nameof(ServiceConstraints.AudienceModelArn))]
    public string AudienceModelArn { get; set; } = null!;

    /// <summary>How long to wait for each model, in seconds, counted from when it was received.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSec { get; set; } = 3600;

    /// <summary>The pause between two polling rounds, in seconds; fractions allowed.</summary>
    [Parameter]
    [ValidateRange(0.1, 86400.0)]
    public double PollIntervalSec { get; set; } = 30;

    /// <summary>The pipeline input itself, so that its error record can name it. Not for direct use.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    private TimeSpan PollInterval => TimeSpan.FromSeconds(PollIntervalSec);

    private TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSec);

    protected override void ProcessRecord()
    {
        ConnectionSettings settings = CurrentSettings();
        if (_models.Any(m => m.Arn == AudienceModelArn && m.Settings.Equals(settings)))
        {
            WriteVerbose($"{AudienceModelArn} is already being waited for; it is written once.");
            return;
        }
        var model = new WaitingModel(AudienceModelArn, InputObject ?? (object)AudienceModelArn, settings, _clock.Elapsed);
        _models.Add(model);
        _waiting.Add(model);
        if (_lastRound is null || _clock.Elapsed - _lastRound >= PollInterval) PollRound();
    }

    protected override void EndProcessing()
    {
        try
        {
            while (_waiting.Count > 0)
            {
                TimeSpan nextRound = (_lastRound ?? TimeSpan.Zero) + PollInterval;
                TimeSpan firstTimeout = _waiting.Min(m => m.ReceivedAt) + Timeout;
                TimeSpan pause = (nextRound < firstTimeout ? nextRound : firstTimeout) - _clock.Elapsed;
                if (pause > TimeSpan.Zero) Pause(pause);
                PollRound();
            }
            if (_models.Count > 0) WriteProgress(new ProgressRecord(ProgressId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
        finally
        {
            base.EndProcessing();
        }
    }

    /// <summary>Polls every model held, writes those that finished, and ends those whose time ran out.</summary>
    private void PollRound()
    {
        _lastRound = _clock.Elapsed;
        foreach (WaitingModel model in _waiting.ToList())
        {
            if (Poll(model)) _waiting.Remove(model);
        }
        foreach (WaitingModel model in _waiting.Where(m => _clock.Elapsed - m.ReceivedAt >= Timeout).ToList())
        {
            WriteError(WaitErrors.Timeout(model, TimeoutSec));
            _waiting.Remove(model);
        }
        ReportProgress();
    }

    /// <summary>Reads one model's status; true when it is finished (written or reported) and needs no more polling.</summary>
    private bool Poll(WaitingModel model)
    {
        try
        {
            CleanRoomsMLConnection connection = Connect(model.Settings);
            AudienceModelDetails details = Await(observer => connection.GetAudienceModelAsync(model.Arn, observer, Cancellation));
            model.Name = details.Name;
            model.Status = details.Status;
            switch (details.Status)
            {
                case "ACTIVE":
                    WriteObject(AudienceModelMapper.FromGet(details, connection.Region));
                    return true;
                case "CREATE_FAILED":
                case "DELETE_FAILED":
                    WriteError(WaitErrors.Failed(model, details));
                    return true;
                default:
                    WriteVerbose($"{details.Name}: {details.Status}");
                    return false;
            }
        }
        catch (CleanRoomsMLConfigurationException e)
        {
            WriteConfigurationError(e, model.Target);
        }
        catch (CleanRoomsMLRequestException e)
        {
            WriteServiceError(e, model.Target); // the SDK has already retried what can be retried
        }
        model.Status = "ERROR";
        return true;
    }

    private void ReportProgress()
    {
        int total = _models.Count;
        int active = _models.Count(m => m.Status == "ACTIVE");
        int failed = total - active - _waiting.Count;
        string status = $"{active} of {total} active" + (failed > 0 ? $", {failed} failed" : "");
        var record = new ProgressRecord(ProgressId, Activity, status)
        {
            PercentComplete = (total - _waiting.Count) * 100 / total,
        };
        if (_waiting.Count > 0) record.CurrentOperation = "Training: " + string.Join(", ", _waiting.Select(m => m.DisplayName));
        WriteProgress(record);
    }

    /// <summary>Sleeps, waking at once on Ctrl+C.</summary>
    private void Pause(TimeSpan interval)
    {
        if (Cancellation.WaitHandle.WaitOne(interval)) throw new PipelineStoppedException();
    }
}

/// <summary>One model being waited for: its ARN, its input (the TargetObject of its errors) and its connection settings.</summary>
internal sealed class WaitingModel
{
    public WaitingModel(string arn, object target, ConnectionSettings settings, TimeSpan receivedAt)
    {
        Arn = arn;
        Target = target;
        Settings = settings;
        ReceivedAt = receivedAt;
    }

    /// <summary>When Wait received it, on the command's clock: its timeout counts from here.</summary>
    public TimeSpan ReceivedAt { get; }

    public string Arn { get; }

    public object Target { get; }

    public ConnectionSettings Settings { get; }

    public string? Name { get; set; }

    public string? Status { get; set; }

    /// <summary>The name once known, else the id at the end of the ARN.</summary>
    public string DisplayName => Name ?? Arn.Substring(Arn.LastIndexOf('/') + 1);
}
