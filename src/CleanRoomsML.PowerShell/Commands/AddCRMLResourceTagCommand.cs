using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.PowerShell.Output;
using CleanRoomsML.PowerShell.Transformation;
using CleanRoomsML.PowerShell.Validation;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// Adds tags to a Clean Rooms ML resource, or changes the values of tags it has (TagResource). The service
/// counts the resource's existing tags towards its limit of 50.
/// </summary>
[Cmdlet(VerbsCommon.Add, "CRMLResourceTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ResourceTag))]
public sealed class AddCRMLResourceTagCommand : ResourceTagCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Tags")]
    [TagTransformation]
    [ValidateNotNullOrEmpty]
    [ValidateTags]
    public Hashtable Tag { get; set; } = null!;

    /// <summary>Skips the confirmation prompt ($ConfirmPreference Medium or Low), unless -Confirm is given.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the resource's tags after the change, one object per tag.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void Process(Func<CleanRoomsMLConnection> connect)
    {
        Dictionary<string, string> tags = TagTable.ToClient(Tag)!;
        if (!ShouldProcessUnlessForced(Force, ResourceArn, $"Add tags {string.Join(", ", tags.Keys)}")) return;

        CleanRoomsMLConnection connection = connect();
        Await(observer => connection.TagResourceAsync(ResourceArn, tags, observer, Cancellation));
        if (PassThru) WriteResourceTags(connection);
    }
}
