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
using CleanRoomsML.PowerShell.Scheduling;
using CleanRoomsML.PowerShell.Transformation;
using CleanRoomsML.PowerShell.Validation;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// What every cmdlet of the module shares: the AWS common parameters, one connection per
/// region/identity/endpoint for the whole pipeline, cancellation by Ctrl+C, attempt reports on the
/// verbose stream, and the mapping of failures to error records. Commands whose rows overlap schedule
/// them with a <see cref="Scheduling.RowScheduler"/> of their own.
/// </summary>
public abstract class CleanRoomsMLCmdlet : PSCmdlet, IDisposable
{
    private static readonly TimeSpan AbandonedCallsTimeout = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<ConnectionSettings, CleanRoomsMLConnection> _connections = new();
    private AttemptLog? _log;
    private ConnectionSettings? _commandSettings;

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

    /// <summary>Work posted from other threads for the pipeline thread: verbose lines, the ends of calls.</summary>
    internal PipelineMailbox Mailbox { get; } = new();

    protected override void BeginProcessing()
    {
        bool verbose = MyInvocation.BoundParameters.TryGetValue("Verbose", out object? flag)
            ? ((SwitchParameter)flag).IsPresent
            : GetVariableValue("VerbosePreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue;
        if (verbose) _log = new AttemptLog(Mailbox, WriteVerbose);
        _commandSettings = CommandSettings();
    }

    /// <summary>An observer that writes a call's attempts to the verbose stream, or null when -Verbose is off.</summary>
    internal IAttemptObserver? ObserverFor(string? label) => _log?.For(label);

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
    protected T Await<T>(Func<IAttemptObserver?, Task<T>> call)
    {
        Task<T> task = call(ObserverFor(null));
        try
        {
            Mailbox.RunUntilEnded(task, Cancellation);
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

    protected override void EndProcessing() => CloseConnections();

    public void Dispose()
    {
        // Whatever still runs belongs to a pipeline that ended early (Ctrl+C, a terminating error,
        // Select-Object -First). A call that ignored its cancellation may still use the connection and the
        // token: then both are left to the garbage collector rather than disposed under it.
        _stopping.Cancel();
        if (!EndCalls(AbandonedCallsTimeout)) return;
        CloseConnections();
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the calls a command still has running; false if some did not end.</summary>
    protected virtual bool EndCalls(TimeSpan timeout) => true;

    private void CloseConnections()
    {
        foreach (CleanRoomsMLConnection connection in _connections.Values) connection.Dispose();
        _connections.Clear();
    }
}
