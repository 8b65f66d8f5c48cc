using System;

namespace SecretsPS.Client;

/// <summary>
/// An error response from Secrets Manager (or from the AWS front end: signature, token, throttling).
/// Its message is the service's message; the service never echoes secret values in it.
/// </summary>
public class SecretsManagerException : Exception
{
    public SecretsManagerException()
    {
    }

    public SecretsManagerException(string message)
        : base(message)
    {
    }

    public SecretsManagerException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public SecretsManagerException(string message, Exception? innerException, string errorCode, int statusCode, string? requestId, string? operation)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
        Operation = operation;
    }

    /// <summary>The service's error code without namespace, e.g. ResourceNotFoundException.</summary>
    public string ErrorCode { get; } = "Unknown";

    /// <summary>The HTTP status code (0 when no response arrived).</summary>
    public int StatusCode { get; }

    /// <summary>The x-amzn-RequestId of the failed call, if the service sent one.</summary>
    public string? RequestId { get; }

    /// <summary>The operation that failed, e.g. GetSecretValue.</summary>
    public string? Operation { get; }

    /// <summary>Builds the most specific exception type for an error code.</summary>
    public static SecretsManagerException Create(string message, Exception? innerException, string errorCode, int statusCode, string? requestId, string? operation)
    {
        return errorCode switch
        {
            "ResourceNotFoundException" => new ResourceNotFoundException(message, innerException, errorCode, statusCode, requestId, operation),
            "ResourceExistsException" => new ResourceExistsException(message, innerException, errorCode, statusCode, requestId, operation),
            "InvalidParameterException" or "ValidationException" => new InvalidParameterException(message, innerException, errorCode, statusCode, requestId, operation),
            "InvalidRequestException" or "PreconditionNotMetException" => new InvalidRequestException(message, innerException, errorCode, statusCode, requestId, operation),
            "LimitExceededException" => new LimitExceededException(message, innerException, errorCode, statusCode, requestId, operation),
            "InvalidNextTokenException" => new InvalidNextTokenException(message, innerException, errorCode, statusCode, requestId, operation),
            "EncryptionFailure" or "DecryptionFailure" => new CryptographyFailureException(message, innerException, errorCode, statusCode, requestId, operation),
            "AccessDeniedException" or "AccessDenied" => new AccessDeniedException(message, innerException, errorCode, statusCode, requestId, operation),
            "InvalidSignatureException" or "SignatureDoesNotMatch" or "UnrecognizedClientException" or "InvalidClientTokenId"
                or "IncompleteSignatureException" or "IncompleteSignature" or "MissingAuthenticationTokenException"
                or "MissingAuthenticationToken" or "ExpiredTokenException" or "ExpiredToken"
                => new AuthenticationFailedException(message, innerException, errorCode, statusCode, requestId, operation),
            "ThrottlingException" or "Throttling" or "TooManyRequestsException" or "RequestLimitExceeded"
                => new ThrottlingException(message, innerException, errorCode, statusCode, requestId, operation),
            "InternalServiceError" or "InternalFailure" or "ServiceUnavailable" => new InternalServiceErrorException(message, innerException, errorCode, statusCode, requestId, operation),
            _ => new SecretsManagerException(message, innerException, errorCode, statusCode, requestId, operation),
        };
    }
}

/// <summary>The secret, version or staging label does not exist.</summary>
public sealed class ResourceNotFoundException : SecretsManagerException
{
    public ResourceNotFoundException() { }
    public ResourceNotFoundException(string message) : base(message) { }
    public ResourceNotFoundException(string message, Exception? innerException) : base(message, innerException) { }
    internal ResourceNotFoundException(string message, Exception? inner, string code, int status, string? requestId, string? operation) : base(message, inner, code, status, requestId, operation) { }
}

/// <summary>A secret with that name exists, or the ClientRequestToken is in use for different data.</summary>
public sealed class ResourceExistsException : SecretsManagerException
{
    public ResourceExistsException() { }
    public ResourceExistsException(string message) : base(message) { }
    public ResourceExistsException(string message, Exception? innerException) : base(message, innerException) { }
    internal ResourceExistsException(string message, Exception? inner, string code, int status, string? requestId, string? operation) : base(message, inner, code, status, requestId, operation) { }
}

/// <summary>A parameter value is invalid in itself (InvalidParameterException or ValidationException).</summary>
public sealed class InvalidParameterException : SecretsManagerException
{
    public InvalidParameterException() { }
    public InvalidParameterException(string message) : base(message) { }
    public InvalidParameterException(string message, Exception? innerException) : base(message, innerException) { }
    internal InvalidParameterException(string message, Exception? inner, string code, int status, string? requestId, string? operation) : base(message, inner, code, status, requestId, operation) { }
}

/// <summary>The request is invalid for the secret's current state (e.g. it is scheduled for deletion).</summary>
public sealed class InvalidRequestException : SecretsManagerException
{
    public InvalidRequestException() { }
    public InvalidRequestException(string message) : base(message) { }
    public InvalidRequestException(string message, Exception? innerException) : base(message, innerException) { }
    internal InvalidRequestException(string message, Exception? inner, string code, int status, string? requestId, string? operation) : base(message, inner, code, status, requestId, operation) { }
}

/// <summary>A service quota was exceeded.</summary>
public sealed class LimitExceededException : SecretsManagerException
{
    public LimitExceededException() { }
    public LimitExceededException(string message) : base(message) { }
    public LimitExceededException(string message, Exception? innerException) : base(message, innerException) { }
    internal LimitExceededException(string message, Exception? inner, string code, int status, string? requestId, string? operation) : base(message, inner, code, status, requestId, operation) { }
}

/// <summary>The NextToken is not valid.</summary>
public sealed class InvalidNextTokenException : SecretsManagerException
{
    public InvalidNextTokenException() { }
    public InvalidNextTokenException(string message) : base(message) { }
    public InvalidNextTokenException(string message, Exception? innerException) : base(message, innerException) { }
    internal InvalidNextTokenException(string message, Exception? inner, string code, int status, string? requestId, string? operation) : base(message, inner, code, status, requestId, operation) { }
}

/// <summary>KMS could not encrypt or decrypt the secret (EncryptionFailure or DecryptionFailure).</summary>
public sealed class CryptographyFailureException : SecretsManagerException
{
    public CryptographyFailureException() { }
    public CryptographyFailureException(string message) : base(message) { }
    public CryptographyFailureException(string message, Exception? innerException) : base(message, innerException) { }
    internal CryptographyFailureException(string message, Exception? inner, string code, int status, string? requestId, string? operation) : base(message, inner, code, status, requestId, operation) { }
}

/// <summary>The caller is not allowed to perform the operation.</summary>
public sealed class AccessDeniedException : SecretsManagerException
{
    public AccessDeniedException() { }
    public AccessDeniedException(string message) : base(message) { }
    public AccessDeniedException(string message, Exception? innerException) : base(message, innerException) { }
    internal AccessDeniedException(string message, Exception? inner, string code, int status, string? requestId, string? operation) : base(message, inner, code, status, requestId, operation) { }
}

/// <summary>The request's signature, key id or session token was rejected.</summary>
public sealed class AuthenticationFailedException : SecretsManagerException
{
    public AuthenticationFailedException() { }
    public AuthenticationFailedException(string message) : base(message) { }
    public AuthenticationFailedException(string message, Exception? innerException) : base(message, innerException) { }
    internal AuthenticationFailedException(string message, Exception? inner, string code, int status, string? requestId, string? operation) : base(message, inner, code, status, requestId, operation) { }
}

/// <summary>The request was throttled and retries did not get through.</summary>
public sealed class ThrottlingException : SecretsManagerException
{
    public ThrottlingException() { }
    public ThrottlingException(string message) : base(message) { }
    public ThrottlingException(string message, Exception? innerException) : base(message, innerException) { }
    internal ThrottlingException(string message, Exception? inner, string code, int status, string? requestId, string? operation) : base(message, inner, code, status, requestId, operation) { }
}

/// <summary>The service failed (HTTP 5xx) and retries did not get through.</summary>
public sealed class InternalServiceErrorException : SecretsManagerException
{
    public InternalServiceErrorException() { }
    public InternalServiceErrorException(string message) : base(message) { }
    public InternalServiceErrorException(string message, Exception? innerException) : base(message, innerException) { }
    internal InternalServiceErrorException(string message, Exception? inner, string code, int status, string? requestId, string? operation) : base(message, inner, code, status, requestId, operation) { }
}

/// <summary>What is missing or wrong in the client's configuration.</summary>
public enum ClientConfigurationProblem
{
    /// <summary>No region from the parameters, the environment or the profile.</summary>
    NoRegion,

    /// <summary>The region given is not a region name.</summary>
    InvalidRegion,

    /// <summary>No credentials from the parameters, the environment, the profile or the instance/container.</summary>
    NoCredentials,

    /// <summary>The named profile does not exist in the shared config or credentials files.</summary>
    ProfileNotFound,

    /// <summary>The profile exists but cannot produce credentials (incomplete keys, missing SSO token, ...).</summary>
    InvalidProfile,

    /// <summary>The endpoint URL is not an absolute http(s) URL, or clashes with FIPS/dual-stack.</summary>
    InvalidEndpoint,

    /// <summary>Any other configuration problem.</summary>
    Other,
}

/// <summary>The client cannot be set up or cannot sign requests: nothing was sent.</summary>
public sealed class SecretsManagerConfigurationException : Exception
{
    public SecretsManagerConfigurationException() { }
    public SecretsManagerConfigurationException(string message) : base(message) { }
    public SecretsManagerConfigurationException(string message, Exception? innerException) : base(message, innerException) { }

    public SecretsManagerConfigurationException(ClientConfigurationProblem problem, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
    }

    public ClientConfigurationProblem Problem { get; } = ClientConfigurationProblem.Other;
}
