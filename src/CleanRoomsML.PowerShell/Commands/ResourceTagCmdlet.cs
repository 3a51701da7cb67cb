using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.PowerShell.Output;
using CleanRoomsML.PowerShell.Validation;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// What the three tag cmdlets share: the -ResourceArn they act on (any taggable Clean Rooms ML ARN, bound
/// from the pipeline as text or from an AudienceModelArn/TrainingDatasetArn property), one error record per
/// failed input with the input as TargetObject, and the tags written one object per tag.
/// </summary>
public abstract class ResourceTagCmdlet : CleanRoomsMLCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("AudienceModelArn", "TrainingDatasetArn")]
    [ValidateServiceConstraint(nameof(ServiceConstraints.TaggableArn))]
    public string ResourceArn { get; set; } = null!;

    /// <summary>The pipeline input itself, so that its error record can name it. Not for direct use.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    protected sealed override void ProcessRecord()
    {
        ForInput(InputObject ?? (object)ResourceArn, () =>
        {
            Process(ConnectionFor);
        });
    }

    /// <summary>Does the work for one input; <paramref name="connect"/> opens (or reuses) its connection only when called.</summary>
    protected abstract void Process(Func<CleanRoomsMLConnection> connect);

    /// <summary>Reads the resource's tags and writes them one object per tag, in key order.</summary>
    protected void WriteResourceTags(CleanRoomsMLConnection connection)
    {
        IReadOnlyDictionary<string, string> tags = Await(observer => connection.ListTagsForResourceAsync(ResourceArn, observer, Cancellation));
        foreach (KeyValuePair<string, string> tag in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            WriteObject(new ResourceTag(ResourceArn, tag.Key, tag.Value));
        }
    }

    private CleanRoomsMLConnection ConnectionFor() => Connect(CurrentSettings());
}
