using System;
using System.Collections;
using System.Management.Automation;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.PowerShell.Output;

namespace CleanRoomsML.PowerShell.Commands;

/// <summary>
/// Gets the tags of a Clean Rooms ML resource (ListTagsForResource): one object per tag in key order, or,
/// with -AsHashtable, one case-sensitive hashtable per resource.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CRMLResourceTag")]
[OutputType(typeof(ResourceTag))]
[OutputType(typeof(Hashtable))]
public sealed class GetCRMLResourceTagCommand : ResourceTagCmdlet
{
    /// <summary>Writes one hashtable of key to value per resource instead of one object per tag.</summary>
    [Parameter]
    public SwitchParameter AsHashtable { get; set; }

    protected override void Process(Func<CleanRoomsMLConnection> connect)
    {
        CleanRoomsMLConnection connection = connect();
        if (!AsHashtable)
        {
            WriteResourceTags(connection);
            return;
        }
        var tags = Await(observer => connection.ListTagsForResourceAsync(ResourceArn, observer, Cancellation));
        WriteObject(TagTable.From(tags));
    }
}
