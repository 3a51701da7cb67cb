using System;
using System.Net;
using Amazon.Runtime;

namespace CleanRoomsML.Client.Runtime.Errors;

/// <summary>
/// An error answered by Clean Rooms ML. The SDK's retry policy reads <see cref="AmazonServiceException.StatusCode"/>
/// and <see cref="AmazonServiceException.ErrorCode"/> from it, so throttling and 5xx answers are retried.
/// </summary>
public class CleanRoomsMLException : AmazonServiceException
{
    public CleanRoomsMLException(ServiceError error, Exception? innerException)
        : base(error.Message, innerException, error.StatusCode >= HttpStatusCode.InternalServerError ? ErrorType.Receiver : ErrorType.Sender,
               error.Code, error.RequestId, error.StatusCode)
    {
    }
}

/// <summary>400: the request broke a rule of the service.</summary>
public sealed class ValidationException : CleanRoomsMLException
{
    public ValidationException(ServiceError error, Exception? inner) : base(error, inner) { }
}

/// <summary>402: an account quota, such as the number of audience models, is used up.</summary>
public sealed class ServiceQuotaExceededException : CleanRoomsMLException
{
    public ServiceQuotaExceededException(ServiceError error, Exception? inner) : base(error, inner)
    {
        QuotaName = error.QuotaName;
        QuotaValue = error.QuotaValue;
    }

    public string? QuotaName { get; }

    public double? QuotaValue { get; }
}

/// <summary>403: the caller may not do this.</summary>
public sealed class AccessDeniedException : CleanRoomsMLException
{
    public AccessDeniedException(ServiceError error, Exception? inner) : base(error, inner) { }
}

/// <summary>404: a resource named in the request does not exist.</summary>
public sealed class ResourceNotFoundException : CleanRoomsMLException
{
    public ResourceNotFoundException(ServiceError error, Exception? inner) : base(error, inner) { }
}

/// <summary>409: another resource depends on this one, or the name is taken.</summary>
public sealed class ConflictException : CleanRoomsMLException
{
    public ConflictException(ServiceError error, Exception? inner) : base(error, inner) { }
}

/// <summary>429: the request rate is too high. Retried by the SDK.</summary>
public sealed class ThrottlingException : CleanRoomsMLException
{
    public ThrottlingException(ServiceError error, Exception? inner) : base(error, inner) { }
}

/// <summary>500: the service failed. Retried by the SDK.</summary>
public sealed class InternalServiceException : CleanRoomsMLException
{
    public InternalServiceException(ServiceError error, Exception? inner) : base(error, inner) { }
}
