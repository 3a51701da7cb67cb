using System;
using System.Management.Automation;
using CleanRoomsML.Client.Connection;
using CleanRoomsML.Client.Constraints;

namespace CleanRoomsML.PowerShell.Errors;

/// <summary>
/// Builds the error records of the module: a stable ErrorId (the service's error code first), a fitting
/// category, the input as TargetObject and a one-line message.
/// </summary>
internal static class ErrorRecords
{
    public static ErrorRecord FromService(CleanRoomsMLRequestException e, object? target)
    {
        var record = new ErrorRecord(e, e.ErrorCode, CategoryOf(e), target)
        {
            ErrorDetails = new ErrorDetails(e.Describe()),
        };
        if (e.ErrorCode == "ThrottlingException" || e.StatusCode >= 500)
            record.ErrorDetails.RecommendedAction = "The SDK already retried; try again later or with a lower request rate.";
        return record;
    }

    public static ErrorRecord FromConfiguration(CleanRoomsMLConfigurationException e, object? target)
    {
        string message = e.Kind switch
        {
            ConfigurationProblemKind.MissingRegion =>
                "No AWS region is set. Pass -Region (for example -Region us-east-1), set the AWS_REGION environment variable, or set 'region' in your AWS profile.",
            ConfigurationProblemKind.IncompleteKeys =>
                "-AccessKey and -SecretKey must be given together, and -SessionToken needs both (or use -Credential, whose user name is the access key id and password the secret key).",
            _ => Messages.OneLine(e.Message),
        };
        return new ErrorRecord(e, e.Kind.ToString(), ErrorCategory.InvalidArgument, target)
        {
            ErrorDetails = new ErrorDetails(message),
        };
    }

    /// <summary>A rule of the service broken by a parameter's value, worded as PowerShell words its own validation errors.</summary>
    public static ErrorRecord InvalidParameter(string errorId, string parameter, ConstraintViolation violation, object? target)
    {
        string message = $"Cannot validate argument on parameter '{parameter}'. {violation.Message}";
        return new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target)
        {
            ErrorDetails = new ErrorDetails(message),
        };
    }

    public static ErrorRecord NotFound(string errorId, string message, object? target) =>
        new(new ItemNotFoundException(message), errorId, ErrorCategory.ObjectNotFound, target)
        {
            ErrorDetails = new ErrorDetails(message),
        };

    private static ErrorCategory CategoryOf(CleanRoomsMLRequestException e) => e.ErrorCode switch
    {
        "ValidationException" => ErrorCategory.InvalidArgument,
        "AccessDeniedException" or "UnrecognizedClientException" or "InvalidSignatureException" => ErrorCategory.PermissionDenied,
        "ResourceNotFoundException" => ErrorCategory.ObjectNotFound,
        "ConflictException" => ErrorCategory.ResourceExists,
        "ServiceQuotaExceededException" => ErrorCategory.QuotaExceeded,
        "ThrottlingException" => ErrorCategory.LimitsExceeded,
        CleanRoomsMLRequestException.TransportFailureCode => ErrorCategory.ConnectionError,
        _ when e.StatusCode >= 500 => ErrorCategory.ResourceUnavailable,
        _ => ErrorCategory.NotSpecified,
    };
}
