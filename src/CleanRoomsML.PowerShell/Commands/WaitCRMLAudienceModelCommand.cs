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
/// Waits for audience models to finish training. All models from the pipeline are collected first and
/// then polled together (one GetAudienceModel per unfinished model per round); each is written as soon as
/// it is ACTIVE, and a failed one, or one still unfinished at the timeout, becomes an error record whose
/// TargetObject is its input.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "CRMLAudienceModel")]
[OutputType(typeof(AudienceModel))]
public sealed class WaitCRMLAudienceModelCommand : CleanRoomsMLCmdlet
{
    private const string Activity = "Waiting for audience models";
    private const int ProgressId = 6;

    private readonly List<WaitingModel> _models = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Arn")]
    [ValidateServiceConstraint(nameof(ServiceConstraints.AudienceModelArn))]
    public string AudienceModelArn { get; set; } = null!;

    /// <summary>How long to wait for all models together, in seconds.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSec { get; set; } = 3600;

    /// <summary>The pause between two polling rounds, in seconds.</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int PollIntervalSec { get; set; } = 30;

    /// <summary>The pipeline input itself, so that its error record can name it. Not for direct use.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    protected override void ProcessRecord()
    {
        ConnectionSettings settings = CurrentSettings();
        if (_models.Any(m => m.Arn == AudienceModelArn && m.Settings.Equals(settings)))
        {
            WriteVerbose($"{AudienceModelArn} is already being waited for; it is written once.");
            return;
        }
        _models.Add(new WaitingModel(AudienceModelArn, InputObject ?? (object)AudienceModelArn, settings));
    }

    protected override void EndProcessing()
    {
        try
        {
            if (_models.Count > 0) WaitForAll();
        }
        finally
        {
            base.EndProcessing();
        }
    }

    private void WaitForAll()
    {
        var clock = Stopwatch.StartNew();
        TimeSpan timeout = TimeSpan.FromSeconds(TimeoutSec);
        List<WaitingModel> waiting = new(_models);
        while (true)
        {
            foreach (WaitingModel model in waiting.ToList())
            {
                if (Poll(model)) waiting.Remove(model);
            }
            ReportProgress(waiting);
            if (waiting.Count == 0) break;

            TimeSpan left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                foreach (WaitingModel model in waiting) WriteError(WaitErrors.Timeout(model, TimeoutSec));
                break;
            }
            Pause(TimeSpan.FromSeconds(PollIntervalSec) < left ? TimeSpan.FromSeconds(PollIntervalSec) : left);
        }
        WriteProgress(new ProgressRecord(ProgressId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
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

    private void ReportProgress(List<WaitingModel> waiting)
    {
        int total = _models.Count;
        int active = _models.Count(m => m.Status == "ACTIVE");
        int failed = total - active - waiting.Count;
        string status = $"{active} of {total} active" + (failed > 0 ? $", {failed} failed" : "");
        var record = new ProgressRecord(ProgressId, Activity, status)
        {
            PercentComplete = (total - waiting.Count) * 100 / total,
        };
        if (waiting.Count > 0) record.CurrentOperation = "Training: " + string.Join(", ", waiting.Select(m => m.DisplayName));
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
    public WaitingModel(string arn, object target, ConnectionSettings settings)
    {
        Arn = arn;
        Target = target;
        Settings = settings;
    }

    public string Arn { get; }

    public object Target { get; }

    public ConnectionSettings Settings { get; }

    public string? Name { get; set; }

    public string? Status { get; set; }

    /// <summary>The name once known, else the id at the end of the ARN.</summary>
    public string DisplayName => Name ?? Arn.Substring(Arn.LastIndexOf('/') + 1);
}
