using System.Globalization;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.Emulator.Protocol;

namespace CleanRoomsML.Emulator.Operations;

/// <summary>The maxResults and nextToken query parameters of a list operation, checked.</summary>
public sealed record PageRequest(int PageSize, long AfterSequence)
{
    /// <summary>The page size when maxResults is not given.</summary>
    public const int DefaultPageSize = ServiceConstraints.MaxPageSize;

    public static PageRequest From(ServiceRequest request, string list)
    {
        var errors = new ValidationErrors();
        int pageSize = DefaultPageSize;
        if (request.QueryValues("maxResults").LastOrDefault() is { } maxResults)
        {
            if (!int.TryParse(maxResults, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out pageSize))
            {
                errors.Add(maxResults, "maxResults", "Member must be an integer");
            }
            else if (pageSize < ServiceConstraints.MinPageSize)
            {
                errors.Add(maxResults, "maxResults", $"Member must have value greater than or equal to {ServiceConstraints.MinPageSize}");
            }
            else if (pageSize > ServiceConstraints.MaxPageSize)
            {
                errors.Add(maxResults, "maxResults", $"Member must have value less than or equal to {ServiceConstraints.MaxPageSize}");
            }
        }

        long after = 0;
        if (request.QueryValues("nextToken").LastOrDefault() is { } nextToken && errors.Check(ServiceConstraints.NextToken, nextToken, "nextToken"))
        {
            var token = PageToken.TryDecode(nextToken, list, request.Region);
            if (token is null)
            {
                errors.ThrowIfAny();
                throw ServiceException.Validation("The nextToken is not valid: use the nextToken value from the previous response of the same list operation, in the same region.");
            }
            after = token.AfterSequence;
        }
        errors.ThrowIfAny();
        return new PageRequest(pageSize, after);
    }
}
