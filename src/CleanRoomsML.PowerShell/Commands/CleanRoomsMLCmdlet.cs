using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.Client.Model;
using CleanRoomsML.Client;
using CleanRoomsML.PowerShell.Completion;
using CleanRoomsML.PowerShell.Errors;
using CleanRoomsML.PowerShell.Transformation;
using CleanRoomsML.PowerShell.Validation;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// What every cmdlet of the module shares: the AWS common parameters, one connection per
/// region/identity/endpoint for the whole pipeline, cancellation by Ctrl+C, attempt reports on the
/// verbose stream, and calls that may overlap while their outcomes are written in input order.
/// </summary>
public abstract class CleanRoomsMLCmdlet : PSCmdlet, IDisposable
{
    private static readonly TimeSpan AbandonedCallsTimeout = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<ConnectionSettings, CleanRoomsMLConnection> _connections = new();
    private readonly Queue<SentCall> _inFlight = new();
    private AttemptLog? _log;
    private ConnectionSettings? _commandSettings;
    private int _callsInFlight = 1;

    /// <summary>The AWS region, such as us-east-1. Binds from a Region column, so one CSV can span regions.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ValidateRegionName]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string? Region { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ProfileNameCompleter))]
    public string? ProfileName { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ProfileLocation { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? AccessKey { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SecretKey { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SessionToken { get; set; }

    /// <summary>Keys as a PSCredential: the user name is the access key id, the password the secret key.</summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>A custom endpoint, such as the local emulator's URL.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndpointUrl { get; set; }

    protected CancellationToken Cancellation => _stopping.Token;

    /// <summary>
    /// How many calls <see cref="Send"/> may have in flight at once. One: each call is answered before the
    /// next input is read. Calls never overlap when an error stops the pipeline (-ErrorAction Stop or
    /// Inquire: the inputs after a failed one must not have been sent) or each input is confirmed.
    /// </summary>
    protected virtual int CallsInFlight => 1;

    protected override void BeginProcessing()
    {
        bool verbose = MyInvocation.BoundParameters.TryGetValue("Verbose", out object? flag)
            ? ((SwitchParameter)flag).IsPresent
            : GetVariableValue("VerbosePreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue;
        if (verbose) _log = new AttemptLog();
        _commandSettings = CommandSettings();
        if (!ErrorsStopThePipeline() && !ConfirmsEachInput()) _callsInFlight = CallsInFlight;
    }

    private bool ErrorsStopThePipeline()
    {
        object? setting = MyInvocation.BoundParameters.TryGetValue("ErrorAction", out object? bound) ? bound : GetVariableValue("ErrorActionPreference");
        return !(LanguagePrimitives.TryConvertTo(setting, out ActionPreference preference)
            && preference is ActionPreference.Continue or ActionPreference.SilentlyContinue or ActionPreference.Ignore);
    }

    private bool ConfirmsEachInput()
    {
        if (MyInvocation.BoundParameters.TryGetValue("Confirm", out object? flag)) return ((SwitchParameter)flag).IsPresent;
        var cmdlet = (CmdletAttribute?)Attribute.GetCustomAttribute(GetType(), typeof(CmdletAttribute));
        if (cmdlet is null || !cmdlet.SupportsShouldProcess) return false;
        return LanguagePrimitives.TryConvertTo(GetVariableValue("ConfirmPreference"), out ConfirmImpact threshold)
            && threshold != ConfirmImpact.None && cmdlet.ConfirmImpact >= threshold;
    }

    /// <summary>The settings for the current record: the row's -Region with the command's other AWS parameters.</summary>
    protected ConnectionSettings CurrentSettings() => _commandSettings!.WithRegion(Region);

    // Everything but -Region is bound once for the whole pipeline, so it is read once.
    private ConnectionSettings CommandSettings()
    {
        string? accessKey = AccessKey, secretKey = SecretKey;
        if (Credential is not null)
        {
            accessKey = Credential.UserName;
            secretKey = Credential.GetNetworkCredential().Password;
        }
        return new ConnectionSettings
        {
            ProfileName = ProfileName,
            ProfileLocation = ProfileLocation is null ? null : GetUnresolvedProviderPathFromPSPath(ProfileLocation),
            AccessKey = accessKey,
            SecretKey = secretKey,
            SessionToken = SessionToken,
            EndpointUrl = EndpointUrl,
        };
    }

    /// <summary>The connection for these settings, opened on first use and kept for the rest of the pipeline.</summary>
    protected CleanRoomsMLConnection Connect(ConnectionSettings settings)
    {
        if (!_connections.TryGetValue(settings, out CleanRoomsMLConnection? connection))
        {
            connection = CleanRoomsMLConnection.Open(settings);
            _connections.Add(settings, connection);
            WriteVerbose($"Clean Rooms ML in {connection.Region} at {connection.EndpointUrl ?? "the service's endpoint for the region"}, with credentials from {connection.CredentialSource}.");
        }
        return connection;
    }

    /// <summary>
    /// Waits for a call on the pipeline thread, writing each attempt and retry to the verbose stream as it
    /// happens. Ctrl+C cancels the call mid-request.
    /// </summary>
    protected T Await<T>(Func<IAttemptObserver?, Task<T>> call) => Outcome(Start(call, label: null));

    /// <summary>
    /// Sends a call for one input and writes its outcome, through <paramref name="write"/> or as an error
    /// record whose TargetObject is the input, in input order. Up to <see cref="CallsInFlight"/> calls
    /// overlap; with one, the call is answered before this returns.
    /// </summary>
    protected void Send<T>(object target, string label, Func<IAttemptObserver?, Task<T>> call, Action<T> write)
    {
        Task<T> task;
        try
        {
            task = Start(call, label);
        }
        catch (Exception e) when (e is CleanRoomsMLConfigurationException or CleanRoomsMLRequestException)
        {
            task = Task.FromException<T>(e);
        }
        InTurn(new SentCall(task, () => ForInput(target, () => write(Outcome(task)))));
    }

    /// <summary>
    /// Writes an error for an input that was not sent, after the outcomes of the inputs before it, so that
    /// everything comes out in input order.
    /// </summary>
    protected void WriteErrorInTurn(ErrorRecord record) => InTurn(new SentCall(Task.CompletedTask, () => WriteError(record)));

    private void InTurn(SentCall call)
    {
        _inFlight.Enqueue(call);
        WriteAnswered(keepInFlight: _callsInFlight - 1);
    }

    private Task<T> Start<T>(Func<IAttemptObserver?, Task<T>> call, string? label)
    {
        if (_log is null) return call(null);
        Task<T> task = call(_log.For(label));
        _log.Watch(task);
        return task;
    }

    /// <summary>Writes the outcomes of the oldest calls: those already answered, and more until at most <paramref name="keepInFlight"/> are left.</summary>
    private void WriteAnswered(int keepInFlight)
    {
        while (_inFlight.Count > 0 && (_inFlight.Count > keepInFlight || _inFlight.Peek().Task.IsCompleted))
        {
            SentCall oldest = _inFlight.Peek();
            WaitFor(oldest.Task);
            _inFlight.Dequeue();
            oldest.WriteOutcome();
        }
        _log?.WriteWaiting(WriteVerbose);
    }

    private void WaitFor(Task task)
    {
        if (_log is not null) _log.WriteUntilEnded(task, WriteVerbose);
        else if (!task.IsCompleted) ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
    }

    private T Outcome<T>(Task<T> task)
    {
        try
        {
            WaitFor(task);
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>
    /// Reads a List operation page by page and writes each item as it arrives, so that
    /// <c>| Select-Object -First 3</c> stops the paging early (the engine stops this loop in WriteObject).
    /// </summary>
    protected void WriteAllPages<T>(Func<PageRequest, IAttemptObserver?, Task<Page<T>>> readPage, Func<T, bool> include, Func<T, object> toOutput)
    {
        string? token = null;
        do
        {
            var request = new PageRequest { MaxResults = ServiceConstraints.MaxPageSize, NextToken = token };
            Page<T> page = Await(observer => readPage(request, observer));
            foreach (T item in page.Items)
            {
                if (include(item)) WriteObject(toOutput(item));
            }
            token = page.NextToken;
        }
        while (token is not null);
    }

    /// <summary>
    /// ShouldProcess with the -Force that AWS Tools users expect: -Force skips the confirmation prompt,
    /// but not when -Confirm was given explicitly, and never -WhatIf (or $WhatIfPreference), which still
    /// only says what would happen.
    /// </summary>
    protected bool ShouldProcessUnlessForced(bool force, string target, string action)
    {
        if (!force || MyInvocation.BoundParameters.ContainsKey("Confirm") || IsWhatIf()) return ShouldProcess(target, action);
        WriteVerbose($"Performing the operation \"{action}\" on target \"{target}\" (-Force: not confirmed).");
        return true;
    }

    private bool IsWhatIf() =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? flag)
            ? ((SwitchParameter)flag).IsPresent
            : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

    /// <summary>
    /// Does the work for one input. A connection problem or a failed call becomes a non-terminating error
    /// whose TargetObject is that input, so the rows after it carry on.
    /// </summary>
    protected void ForInput(object target, Action work)
    {
        try
        {
            work();
        }
        catch (CleanRoomsMLConfigurationException e)
        {
            WriteConfigurationError(e, target);
        }
        catch (CleanRoomsMLRequestException e)
        {
            WriteServiceError(e, target);
        }
    }

    protected void WriteServiceError(CleanRoomsMLRequestException e, object? target) => WriteError(ErrorRecords.FromService(e, target));

    protected void WriteConfigurationError(CleanRoomsMLConfigurationException e, object? target) => WriteError(ErrorRecords.FromConfiguration(e, target));

    protected override void StopProcessing() => _stopping.Cancel();

    protected override void EndProcessing()
    {
        WriteAnswered(keepInFlight: 0);
        CloseConnections();
    }

    public void Dispose()
    {
        // A call that ignored its cancellation may still use the connection and the token: leave both to
        // the garbage collector rather than dispose them under it.
        if (!AbandonInFlight()) return;
        CloseConnections();
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    // The pipeline ended early (Ctrl+C, a terminating error, Select-Object -First): calls still in flight
    // are cancelled, and waited for so that none outlives the connections. False if some did not end in time.
    private bool AbandonInFlight()
    {
        if (_inFlight.Count == 0) return true;
        _stopping.Cancel();
        Task[] calls = _inFlight.Select(sent => sent.Task).ToArray();
        _inFlight.Clear();
        try
        {
            return Task.WaitAll(calls, AbandonedCallsTimeout);
        }
        catch (AggregateException)
        {
            // All ended, some failed or cancelled: their outcomes are no longer wanted.
            return true;
        }
    }

    private void CloseConnections()
    {
        foreach (CleanRoomsMLConnection connection in _connections.Values) connection.Dispose();
        _connections.Clear();
    }

    /// <summary>A call sent for one input, and how to write its outcome once it is answered.</summary>
    private sealed record SentCall(Task Task, Action WriteOutcome);
}
