using System;
using System.IO;
using System.Management.Automation;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using SecretsPS.Client;

namespace SecretsPS;

/// <summary>
/// Every ErrorRecord the module writes is built here: stable ids, a specific category, the secret id (never the
/// value, never the cmdlet) as target, and the original exception as inner exception of a standard .NET exception,
/// so scripts can catch by BCL type without touching the client's types (they live in a private load context).
/// Messages are built only from ids, parameter names, rules and the service's own messages, which never echo values.
/// </summary>
internal static class ErrorRecords
{
    // Service and transport errors.
    public const string SecretNotFound = nameof(SecretNotFound);
    public const string SecretAlreadyExists = nameof(SecretAlreadyExists);
    public const string InvalidParameter = nameof(InvalidParameter);
    public const string InvalidRequest = nameof(InvalidRequest);
    public const string AccessDenied = nameof(AccessDenied);
    public const string AuthenticationFailed = nameof(AuthenticationFailed);
    public const string LimitExceeded = nameof(LimitExceeded);
    public const string InvalidNextToken = nameof(InvalidNextToken);
    public const string CryptographyFailure = nameof(CryptographyFailure);
    public const string Throttled = nameof(Throttled);
    public const string ServiceFailure = nameof(ServiceFailure);
    public const string ServiceError = nameof(ServiceError);
    public const string NetworkFailure = nameof(NetworkFailure);
    public const string RequestTimedOut = nameof(RequestTimedOut);
    public const string UnexpectedError = nameof(UnexpectedError);

    // Configuration (no request was sent).
    public const string NoRegion = nameof(NoRegion);
    public const string InvalidRegion = nameof(InvalidRegion);
    public const string NoCredentials = nameof(NoCredentials);
    public const string ProfileNotFound = nameof(ProfileNotFound);
    public const string InvalidProfile = nameof(InvalidProfile);
    public const string InvalidEndpoint = nameof(InvalidEndpoint);
    public const string ClientConfiguration = nameof(ClientConfiguration);
    public const string SessionTokenWithoutCredential = nameof(SessionTokenWithoutCredential);

    // Input validation (no request was sent).
    public const string InvalidSecretName = nameof(InvalidSecretName);
    public const string InvalidSecretId = nameof(InvalidSecretId);
    public const string SecretValueEmpty = nameof(SecretValueEmpty);
    public const string SecretValueTooLarge = nameof(SecretValueTooLarge);
    public const string InvalidSecretValue = nameof(InvalidSecretValue);
    public const string InvalidRecoveryWindow = nameof(InvalidRecoveryWindow);
    public const string InvalidPasswordLength = nameof(InvalidPasswordLength);
    public const string InvalidCount = nameof(InvalidCount);
    public const string InvalidExcludeCharacters = nameof(InvalidExcludeCharacters);
    public const string InvalidVersionStage = nameof(InvalidVersionStage);
    public const string InvalidVersionId = nameof(InvalidVersionId);
    public const string InvalidClientRequestToken = nameof(InvalidClientRequestToken);
    public const string InvalidDescription = nameof(InvalidDescription);
    public const string InvalidKmsKeyId = nameof(InvalidKmsKeyId);
    public const string InvalidTag = nameof(InvalidTag);
    public const string InvalidKey = nameof(InvalidKey);
    public const string InvalidWildcardPattern = nameof(InvalidWildcardPattern);

    // Output conversions.
    public const string SecretNotJsonObject = nameof(SecretNotJsonObject);
    public const string SecretKeyNotFound = nameof(SecretKeyNotFound);
    public const string SecretNotCredential = nameof(SecretNotCredential);
    public const string SecretHasNoString = nameof(SecretHasNoString);
    public const string SecretNotReturned = nameof(SecretNotReturned);

    /// <summary>An error from a request (service, network, time-out) for one secret or name pattern.</summary>
    public static ErrorRecord FromRequestException(Exception exception, string action, object? target)
    {
        exception = Unwrap(exception);
        var subject = target is null ? action : $"{action} '{target}'";
        switch (exception)
        {
            case ResourceNotFoundException e:
                return Build(new ItemNotFoundException(ServiceMessage(subject, e), e), SecretNotFound, ErrorCategory.ObjectNotFound, target);
            case ResourceExistsException e:
                return Build(new InvalidOperationException(ServiceMessage(subject, e), e), SecretAlreadyExists, ErrorCategory.ResourceExists, target);
            case InvalidParameterException e:
                return Build(new ArgumentException(ServiceMessage(subject, e), e), InvalidParameter, ErrorCategory.InvalidArgument, target);
            case InvalidRequestException e:
                return Build(new InvalidOperationException(ServiceMessage(subject, e), e), InvalidRequest, ErrorCategory.InvalidOperation, target);
            case AccessDeniedException e:
                return Build(new UnauthorizedAccessException(ServiceMessage(subject, e), e), AccessDenied, ErrorCategory.PermissionDenied, target);
            case AuthenticationFailedException e:
                return Build(
                    new UnauthorizedAccessException(ServiceMessage(subject, e) + " Check the access key id, secret access key and session token (-Credential, -SessionToken, -ProfileName or the AWS_* environment variables), and that the clock is correct.", e),
                    AuthenticationFailed,
                    ErrorCategory.AuthenticationError,
                    target);
            case LimitExceededException e:
                return Build(new InvalidOperationException(ServiceMessage(subject, e), e), LimitExceeded, ErrorCategory.QuotaExceeded, target);
            case InvalidNextTokenException e:
                return Build(new ArgumentException(ServiceMessage(subject, e), e), InvalidNextToken, ErrorCategory.InvalidArgument, target);
            case CryptographyFailureException e:
                return Build(new InvalidOperationException(ServiceMessage(subject, e), e), CryptographyFailure, ErrorCategory.SecurityError, target);
            case ThrottlingException e:
                return Build(new InvalidOperationException(ServiceMessage(subject, e) + " The request was throttled and retries did not get through; try again later.", e), Throttled, ErrorCategory.ConnectionError, target);
            case InternalServiceErrorException e:
                return Build(new InvalidOperationException(ServiceMessage(subject, e), e), ServiceFailure, ErrorCategory.ResourceUnavailable, target);
            case SecretsManagerException e:
                return Build(new InvalidOperationException(ServiceMessage(subject, e), e), ServiceError, ErrorCategory.NotSpecified, target);
            case TimeoutException or OperationCanceledException:
                // A cancellation that the cmdlet did not ask for is the HTTP client's time-out.
                return Build(new TimeoutException($"{subject}: the request timed out.", exception), RequestTimedOut, ErrorCategory.OperationTimeout, target);
            case HttpRequestException or IOException or SocketException:
                return Build(new IOException($"{subject}: the service could not be reached: {exception.Message}", exception), NetworkFailure, ErrorCategory.ConnectionError, target);
            default:
                return Build(new InvalidOperationException($"{subject}: {exception.Message}", exception), UnexpectedError, ErrorCategory.NotSpecified, target);
        }
    }

    /// <summary>True for the exceptions a request can end with that concern this request only.</summary>
    public static bool IsRequestFailure(Exception exception)
    {
        exception = Unwrap(exception);
        return exception is SecretsManagerException or TimeoutException or OperationCanceledException or HttpRequestException or IOException or SocketException;
    }

    /// <summary>The client could not be built or could not sign: a terminating error that says how to fix it.</summary>
    public static ErrorRecord FromConfiguration(SecretsManagerConfigurationException exception, string? profileName)
    {
        var profile = string.IsNullOrEmpty(profileName) ? Environment.GetEnvironmentVariable("AWS_PROFILE") : profileName;
        var profileText = string.IsNullOrEmpty(profile) ? "default" : profile;
        switch (exception.Problem)
        {
            case ClientConfigurationProblem.NoRegion:
                return Build(
                    new InvalidOperationException($"No AWS region was found. Pass -Region (e.g. -Region us-east-1), set the AWS_REGION environment variable, or add 'region = <name>' to profile '{profileText}' in {ConfigFile()}.", exception),
                    NoRegion,
                    ErrorCategory.InvalidArgument,
                    null);
            case ClientConfigurationProblem.InvalidRegion:
                return Build(
                    new ArgumentException($"{exception.Message} Check -Region, the AWS_REGION and AWS_DEFAULT_REGION environment variables, or the region of profile '{profileText}' in {ConfigFile()}.", exception),
                    InvalidRegion,
                    ErrorCategory.InvalidArgument,
                    null);
            case ClientConfigurationProblem.NoCredentials:
                return Build(
                    new InvalidOperationException($"No AWS credentials were found. Pass -Credential (user name = access key id, password = secret access key) or -ProfileName, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add credentials to profile '{profileText}' in {CredentialsFile()}.", exception),
                    NoCredentials,
                    ErrorCategory.AuthenticationError,
                    null);
            case ClientConfigurationProblem.ProfileNotFound:
                return Build(
                    new ItemNotFoundException($"The AWS profile '{profileText}' was not found in {ConfigFile()} or {CredentialsFile()}. Check -ProfileName or AWS_PROFILE, or create the profile (e.g. 'aws configure --profile {profileText}').", exception),
                    ProfileNotFound,
                    ErrorCategory.ObjectNotFound,
                    profile);
            case ClientConfigurationProblem.InvalidProfile:
                return Build(
                    new InvalidOperationException($"The AWS profile '{profileText}' cannot provide credentials: {exception.Message} Fix the profile in {ConfigFile()} or {CredentialsFile()} (for SSO profiles run 'aws sso login --profile {profileText}').", exception),
                    InvalidProfile,
                    ErrorCategory.InvalidData,
                    profile);
            case ClientConfigurationProblem.InvalidEndpoint:
                return Build(
                    new ArgumentException($"The endpoint is not usable: {exception.Message} Pass -EndpointUrl as an absolute http or https URL, e.g. http://127.0.0.1:5000.", exception),
                    InvalidEndpoint,
                    ErrorCategory.InvalidArgument,
                    null);
            default:
                return Build(new InvalidOperationException($"The AWS client could not be configured: {exception.Message}", exception), ClientConfiguration, ErrorCategory.NotSpecified, null);
        }
    }

    // The files the SDK reads, as the fix-it messages should name them.
    private static string ConfigFile() => Environment.GetEnvironmentVariable("AWS_CONFIG_FILE") is { Length: > 0 } path ? path : "~/.aws/config";

    private static string CredentialsFile() => Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } path ? path : "~/.aws/credentials";

    public static ErrorRecord SessionTokenNeedsCredential()
    {
        return Build(
            new ArgumentException("-SessionToken needs -Credential: pass the temporary access key id and secret access key as -Credential together with the session token."),
            SessionTokenWithoutCredential,
            ErrorCategory.InvalidArgument,
            null);
    }

    /// <summary>A parameter value broke a rule; message = "-Parameter: rule".</summary>
    public static ErrorRecord InvalidInput(string errorId, string parameterName, string rule, object? target)
    {
        return Build(new ArgumentException($"-{parameterName}: {rule}"), errorId, ErrorCategory.InvalidArgument, target);
    }

    public static ErrorRecord NotJsonObject(string secretId, string parameterName)
    {
        return Build(
            new InvalidOperationException($"-{parameterName} needs a secret whose value is a JSON object, but the value of secret '{secretId}' is not one (it is not JSON, or it is a JSON array or scalar)."),
            SecretNotJsonObject,
            ErrorCategory.InvalidData,
            secretId);
    }

    public static ErrorRecord KeyNotFound(string secretId, string key)
    {
        return Build(
            new ItemNotFoundException($"The JSON object in secret '{secretId}' has no key '{key}' (or more than one key that differs from it only in case)."),
            SecretKeyNotFound,
            ErrorCategory.ObjectNotFound,
            secretId);
    }

    public static ErrorRecord NotCredential(string secretId)
    {
        return Build(
            new InvalidOperationException($"-AsCredential needs a JSON object with string keys 'username' and 'password', which the value of secret '{secretId}' does not have."),
            SecretNotCredential,
            ErrorCategory.InvalidData,
            secretId);
    }

    public static ErrorRecord NoSecretString(string secretId, string parameterName)
    {
        return Build(
            new InvalidOperationException($"-{parameterName} needs a text secret, but secret '{secretId}' holds a binary value (SecretBinary)."),
            SecretHasNoString,
            ErrorCategory.InvalidData,
            secretId);
    }

    public static ErrorRecord NotReturned(string secretId)
    {
        return Build(
            new ItemNotFoundException($"BatchGetSecretValue returned neither a value nor an error for secret '{secretId}'."),
            SecretNotReturned,
            ErrorCategory.ObjectNotFound,
            secretId);
    }

    private static string ServiceMessage(string subject, SecretsManagerException e)
    {
        // Some emulators pad their messages with runs of spaces; one space reads better in a console.
        return $"{subject}: {Regex.Replace(e.Message, @"\s+", " ").Trim()} ({e.ErrorCode})";
    }

    private static Exception Unwrap(Exception exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        // Transport failures may arrive wrapped (e.g. an HttpRequestException around a SocketException): classify by
        // the outermost recognisable type, keep the whole chain as inner exception.
        return exception;
    }

    private static ErrorRecord Build(Exception exception, string errorId, ErrorCategory category, object? target)
    {
        return new ErrorRecord(exception, errorId, category, target);
    }
}
