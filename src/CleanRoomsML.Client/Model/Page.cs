using System.Collections.Generic;

namespace CleanRoomsML.Client.Model;

/// <summary>One page of a List operation; <see cref="NextToken"/> is null on the last page.</summary>
public sealed class Page<T>
{
    public Page(IReadOnlyList<T> items, string? nextToken, string? requestId)
    {
        Items = items;
        NextToken = nextToken;
        RequestId = requestId;
    }

    public IReadOnlyList<T> Items { get; }

    public string? NextToken { get; }

    public string? RequestId { get; }
}

/// <summary>What a List operation is asked for: a page size (1-100) and the token of the page to read.</summary>
public sealed class PageRequest
{
    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }
}

/// <summary>The output of an operation that answers nothing but success.</summary>
public sealed class ServiceReceipt
{
    public ServiceReceipt(string? requestId) => RequestId = requestId;

    public string? RequestId { get; }
}
