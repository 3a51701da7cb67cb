using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CleanRoomsML.Client;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.Client.Model;
using CleanRoomsML.PowerShell.Capacity;
using CleanRoomsML.PowerShell.Errors;
using CleanRoomsML.PowerShell.Output;
using CleanRoomsML.PowerShell.Scheduling;
using CleanRoomsML.PowerShell.Transformation;
using CleanRoomsML.PowerShell.Validation;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// Creates an audience model (CreateAudienceModel): one per input row, each row ending as one result
/// object or one error record whose TargetObject is the row, in input order. Up to -ThrottleLimit rows
/// are sent before the first of them is answered; with -WaitForCapacity, rows refused because the region's
/// training slots are full are held until a slot frees; with -SkipExisting, rows whose model exists are not sent.
/// </summary>
[Cmdlet(VerbsCommon.New, "CRMLAudienceModel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AudienceModel))]
public sealed class NewCRMLAudienceModelCommand : CleanRoomsMLCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateServiceConstraint(nameof(ServiceConstraints.Name))]
    public string Name { get; set; } = null!;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateServiceConstraint(nameof(ServiceConstraints.TrainingDatasetArn))]
    public string TrainingDatasetArn { get; set; } = null!;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ValidateServiceConstraint(nameof(ServiceConstraints.Description))]
    public string? Description { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ValidateServiceConstraint(nameof(ServiceConstraints.KmsKeyArn))]
    public string? KmsKeyArn { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Tags")]
    [TagTransformation]
    [ValidateTags]
    public Hashtable? Tag { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [UtcDateTimeTransformation]
    public DateTime? TrainingDataStartTime { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [UtcDateTimeTransformation]
    public DateTime? TrainingDataEndTime { get; set; }

    /// <summary>Accepted for scripts written for AWS Tools. It does not override -Confirm.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// How many rows may be in flight at once. Overlapping stops only when an error stops the pipeline
    /// (-ErrorAction Stop) or each row is confirmed (-Confirm): then one row is sent at a time.
    /// </summary>
    [Parameter]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>Holds rows refused because the region's training slots are full, and sends them when a slot frees.</summary>
    [Parameter]
    public SwitchParameter WaitForCapacity { get; set; }

    /// <summary>With -WaitForCapacity: how often the region's models are read while rows wait, in seconds. Unset: after 1 s, doubling up to 60 s.</summary>
    [Parameter]
    [ValidateRange(0.1, 86400.0)]
    public double PollIntervalSec { get; set; } = 60;

    /// <summary>With -WaitForCapacity: how long rows may wait for a slot, from the first held row, in seconds. No limit by default.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSec { get; set; }

    /// <summary>Does not send a row whose model (same name, same training dataset) already exists; writes the existing model.</summary>
    [Parameter]
    public SwitchParameter SkipExisting { get; set; }

    /// <summary>The pipeline row itself, so that its error record can name it. Not for direct use.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    private const int ProgressId = 7;
    private const string Activity = "Waiting for training slots";

    private readonly Dictionary<CleanRoomsMLConnection, TrainingSlots> _slots = new();
    private readonly Dictionary<CleanRoomsMLConnection, ExistingModels> _existing = new();
    private RowScheduler? _rows;
    private int? _timeoutSec;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        bool pollIntervalGiven = MyInvocation.BoundParameters.ContainsKey(nameof(PollIntervalSec));
        _timeoutSec = MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutSec)) ? TimeoutSec : null;
        if (!WaitForCapacity && (pollIntervalGiven || _timeoutSec is not null))
        {
            string message = "-PollIntervalSec and -TimeoutSec apply to waiting for training slots: add -WaitForCapacity, or leave them out.";
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), "WaitParameterWithoutWaitForCapacity", ErrorCategory.InvalidArgument, null)
            {
                ErrorDetails = new ErrorDetails(message),
            });
        }
        _rows = new RowScheduler(new RowSchedulerOptions
        {
            MaxInFlight = OverlapRules.RowsMayOverlap(this) ? ThrottleLimit : 1,
            WaitForCapacity = WaitForCapacity,
            PollInterval = TimeSpan.FromSeconds(PollIntervalSec),
            // Without -PollIntervalSec, looks start a second after a hold and double up to the default: training that
            // ends early is seen early, and hours of it cost a few looks more.
            FirstPollInterval = pollIntervalGiven ? null : TimeSpan.FromSeconds(1),
            Timeout = _timeoutSec is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Classify = TrainingSlots.Classify,
        }, Mailbox, new PipelineRowSink(this, ProgressId, Activity), Cancellation);
    }

    protected override void ProcessRecord()
    {
        object target = InputObject ?? (object)Name;
        NewAudienceModel definition = BuildDefinition();

        ConstraintViolation? violation = definition.Validate().FirstOrDefault();
        if (violation is not null)
        {
            string parameter = RuleParameter.Of(violation, fallback: nameof(TrainingDataStartTime));
            InTurn(() => WriteError(ErrorRecords.InvalidParameter("InvalidAudienceModelDefinition", parameter, violation, target)));
            return;
        }

        ConnectionSettings settings = CurrentSettings();
        string where = settings.Region ?? "the default region";
        string unless = SkipExisting ? " unless it already exists" : "";
        if (!ShouldProcess($"audience model '{Name}' from training dataset {TrainingDatasetArn} in {where}{unless}", "Create audience model"))
        {
            return;
        }

        CleanRoomsMLConnection connection;
        ExistingModels? existing = null;
        try
        {
            connection = Connect(settings);
            if (SkipExisting) existing = ExistingIn(connection);
        }
        catch (CleanRoomsMLConfigurationException e)
        {
            InTurn(() => WriteConfigurationError(e, target));
            return;
        }
        catch (CleanRoomsMLRequestException e)
        {
            InTurn(() => WriteServiceError(e, target));
            return;
        }

        RowRequest row = CreateRow(connection, definition, target);
        Run(() =>
        {
            if (existing is null) _rows!.Add(row);
            else ScheduleUnlessExisting(existing, row, connection.Region, target);
        });
    }

    // -SkipExisting: a row whose model is there (or on its way) is not sent; a name on another dataset is an error.
    private void ScheduleUnlessExisting(ExistingModels existing, RowRequest row, string region, object target)
    {
        switch (existing.Find(Name, TrainingDatasetArn))
        {
            case Match.Exists found:
                AudienceModel model = found.Model.AsAlreadyExisting();
                _rows!.AddWritten(() =>
                {
                    WriteVerbose($"The audience model '{model.Name}' already exists in {model.Region} on that training dataset ({model.AudienceModelArn}, {model.Status ?? "status unknown"}); not created.");
                    WriteObject(model);
                });
                break;
            case Match.InFlight same:
                // Remembered too: if the leader fails, this row is sent on its own and stands for the name.
                existing.Remember(Name, TrainingDatasetArn, _rows!.AddFollowing(same.Leader, row, result => ((AudienceModel)result).AsAlreadyExisting()));
                break;
            case Match.NameTaken taken:
                ErrorRecord error = CreateErrors.NameTaken(Name, region, taken.TrainingDatasetArn, taken.AudienceModelArn, TrainingDatasetArn, target);
                _rows!.AddWritten(() => WriteError(error));
                break;
            default:
                existing.Remember(Name, TrainingDatasetArn, _rows!.Add(row));
                break;
        }
    }

    protected override void EndProcessing()
    {
        // Not in a finally: after an early end the calls still running keep their connections until Dispose has
        // abandoned them.
        Run(() => _rows?.Finish());
        base.EndProcessing();
    }

    protected override bool EndCalls(TimeSpan timeout) => _rows?.Abandon(timeout) ?? true;

    /// <summary>Writes something for a row that is not sent, in its turn among the rows in flight.</summary>
    private void InTurn(Action write) => Run(() => _rows!.AddWritten(write));

    /// <summary>Runs the scheduler; Ctrl+C while it waits stops the pipeline.</summary>
    private void Run(Action schedule)
    {
        try
        {
            schedule();
        }
        catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    private RowRequest CreateRow(CleanRoomsMLConnection connection, NewAudienceModel definition, object target)
    {
        string label = $"audience model '{definition.Name}'";
        return new RowRequest(label, SlotsOf(connection),
            cancellation => CreateAsync(connection, definition, ObserverFor(label), cancellation),
            WriteObject,
            failure => WriteError(CreateErrors.For(failure, target, _timeoutSec)));
    }

    private TrainingSlots SlotsOf(CleanRoomsMLConnection connection)
    {
        if (!_slots.TryGetValue(connection, out TrainingSlots? slots))
        {
            _slots[connection] = slots = new TrainingSlots(connection, ObserverFor);
        }
        return slots;
    }

    // Read once per connection, before its first create: the region's models, all pages.
    private ExistingModels ExistingIn(CleanRoomsMLConnection connection)
    {
        if (!_existing.TryGetValue(connection, out ExistingModels? existing))
        {
            List<AudienceModelDetails> models = Await(observer => AudienceModelListing.ReadAllAsync(connection, observer, Cancellation));
            _existing[connection] = existing = new ExistingModels(models, connection.Region);
            WriteVerbose($"-SkipExisting: {models.Count} audience models in {connection.Region} before the first create.");
        }
        return existing;
    }

    // Marshalling and signing run on a pool thread, so that the pipeline thread goes on to read and bind the
    // next row meanwhile (measured: 10-20% less time per row with rows in flight). Task.Run rather than
    // Task.Yield: a host's synchronization context must not bring the work back to the waiting pipeline thread.
    private static Task<object> CreateAsync(CleanRoomsMLConnection connection, NewAudienceModel definition, IAttemptObserver? observer, CancellationToken cancellation) =>
        Task.Run<object>(async () =>
        {
            ResourceCreated created = await connection.CreateAudienceModelAsync(definition, observer, cancellation).ConfigureAwait(false);
            return ToResult(definition, created, connection.Region);
        }, cancellation);

    private NewAudienceModel BuildDefinition() => new(Name, TrainingDatasetArn)
    {
        Description = Description,
        KmsKeyArn = KmsKeyArn,
        Tags = TagTable.ToClient(Tag),
        TrainingDataStartTime = TrainingDataStartTime,
        TrainingDataEndTime = TrainingDataEndTime,
    };

    private static AudienceModel ToResult(NewAudienceModel definition, ResourceCreated created, string region) =>
        new(created.Arn, definition.Name, definition.TrainingDatasetArn, region)
        {
            Description = definition.Description,
            KmsKeyArn = definition.KmsKeyArn,
            TrainingDataStartTime = definition.TrainingDataStartTime,
            TrainingDataEndTime = definition.TrainingDataEndTime,
            Tags = TagTable.From(definition.Tags) ?? TagTable.New(),
            RequestId = created.RequestId,
        };
}
