using System;
using System.Management.Automation;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.PowerShell.Output;
using CleanRoomsML.PowerShell.Validation;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// Removes tags, by key, from a Clean Rooms ML resource (UntagResource: all the keys of one input in one
/// request). Removing a key the resource does not have is not an error; keys beginning with 'aws:' cannot
/// be removed.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "CRMLResourceTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ResourceTag))]
public sealed class RemoveCRMLResourceTagCommand : ResourceTagCmdlet
{
    /// <summary>The keys to remove; binds from a Key property, so Get-CRMLResourceTag's output pipes in.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Key", "TagKeys")]
    [ValidateCount(1, 200)]
    [ValidateTagKey]
    public string[] TagKey { get; set; } = null!;

    /// <summary>Skips the confirmation prompt ($ConfirmPreference Medium or Low), unless -Confirm is given.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the resource's tags after the change, one object per tag.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void Process(Func<CleanRoomsMLConnection> connect)
    {
        if (!ShouldProcessUnlessForced(Force, ResourceArn, $"Remove tags {string.Join(", ", TagKey)}")) return;

        CleanRoomsMLConnection connection = connect();
        Await(observer => connection.UntagResourceAsync(ResourceArn, TagKey, observer, Cancellation));
        if (PassThru) WriteResourceTags(connection);
    }
}
