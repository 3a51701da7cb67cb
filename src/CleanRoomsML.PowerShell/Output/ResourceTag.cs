namespace CleanRoomsML.PowerShell.Output;

/// <summary>
/// One tag of one resource, as Get-CRMLResourceTag writes it: easy to filter (Where-Object Key -like ...),
/// to group, and to pipe into Remove-CRMLResourceTag (ResourceArn and Key bind by name).
/// </summary>
public sealed class ResourceTag
{
    public ResourceTag(string resourceArn, string key, string value)
    {
        ResourceArn = resourceArn;
        Key = key;
        Value = value;
    }

    public string ResourceArn { get; }

    public string Key { get; }

    public string Value { get; }

    public override string ToString() => $"{Key}={Value}";
}
