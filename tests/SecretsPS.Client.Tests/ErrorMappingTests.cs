using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using SecretsPS.Client.Model;
using SecretsPS.Client.Tests.Infrastructure;
using Xunit;

namespace SecretsPS.Client.Tests;

/// <summary>Error responses in every shape the service, its front end, moto or a proxy produce → typed exceptions.</summary>
public sealed class ErrorMappingTests
{
    private const string NotFound = "Secrets Manager can't find the specified secret.";
    private const string SignatureMessage = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    public static TheoryData<string, int, string, string, string?, Type, string, string?, string?> Table() => new()
    {
        // label, status, content type, body, X-Amzn-ErrorType header, exception type, ErrorCode, message (null: must name status + operation), RequestId
        { "bare __type + Message", 400, "application/x-amz-json-1.1", "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"" + NotFound + "\"}", null, typeof(ResourceNotFoundException), "ResourceNotFoundException", NotFound, "rid-header" },
        { "namespaced __type + message", 400, "application/x-amz-json-1.1", "{\"__type\":\"com.amazonaws.secretsmanager#ResourceNotFoundException\",\"message\":\"" + NotFound + "\"}", null, typeof(ResourceNotFoundException), "ResourceNotFoundException", NotFound, "rid-header" },
        { "code only in header", 400, "application/x-amz-json-1.1", "{\"message\":\"bad value\"}", "InvalidParameterException:http://internal.amazon.com/coral/com.amazonaws.secretsmanager/", typeof(InvalidParameterException), "InvalidParameterException", "bad value", "rid-header" },
        { "code body key", 400, "application/x-amz-json-1.1", "{\"code\":\"InvalidRequestException\",\"Message\":\"marked for deletion\"}", null, typeof(InvalidRequestException), "InvalidRequestException", "marked for deletion", "rid-header" },
        { "ResourceExists", 400, "application/x-amz-json-1.1", "{\"__type\":\"ResourceExistsException\",\"Message\":\"The operation failed because the secret x already exists.\"}", null, typeof(ResourceExistsException), "ResourceExistsException", "The operation failed because the secret x already exists.", "rid-header" },
        { "ValidationException", 400, "application/x-amz-json-1.1", "{\"__type\":\"ValidationException\",\"message\":\"1 validation error detected\"}", null, typeof(InvalidParameterException), "ValidationException", "1 validation error detected", "rid-header" },
        { "LimitExceeded", 400, "application/x-amz-json-1.1", "{\"__type\":\"LimitExceededException\",\"Message\":\"quota\"}", null, typeof(LimitExceededException), "LimitExceededException", "quota", "rid-header" },
        { "InvalidNextToken", 400, "application/x-amz-json-1.1", "{\"__type\":\"InvalidNextTokenException\",\"Message\":\"bad token\"}", null, typeof(InvalidNextTokenException), "InvalidNextTokenException", "bad token", "rid-header" },
        { "DecryptionFailure", 400, "application/x-amz-json-1.1", "{\"__type\":\"DecryptionFailure\",\"Message\":\"kms\"}", null, typeof(CryptographyFailureException), "DecryptionFailure", "kms", "rid-header" },
        { "EncryptionFailure", 400, "application/x-amz-json-1.1", "{\"__type\":\"EncryptionFailure\",\"Message\":\"kms\"}", null, typeof(CryptographyFailureException), "EncryptionFailure", "kms", "rid-header" },
        { "AccessDenied", 400, "application/x-amz-json-1.1", "{\"__type\":\"AccessDeniedException\",\"Message\":\"User: arn:aws:iam::1:user/u is not authorized\"}", null, typeof(AccessDeniedException), "AccessDeniedException", "User: arn:aws:iam::1:user/u is not authorized", "rid-header" },
        { "UnrecognizedClient", 400, "application/x-amz-json-1.1", "{\"__type\":\"UnrecognizedClientException\",\"message\":\"The security token included in the request is invalid.\"}", null, typeof(AuthenticationFailedException), "UnrecognizedClientException", "The security token included in the request is invalid.", "rid-header" },
        { "InvalidSignature JSON", 400, "application/x-amz-json-1.1", "{\"__type\":\"InvalidSignatureException\",\"message\":\"" + SignatureMessage + "\"}", null, typeof(AuthenticationFailedException), "InvalidSignatureException", SignatureMessage, "rid-header" },
        { "XML error body", 403, "text/xml", "<ErrorResponse><Error><Code>InvalidSignatureException</Code><Message>" + SignatureMessage + "</Message></Error><RequestId>rid-xml</RequestId></ErrorResponse>", null, typeof(AuthenticationFailedException), "InvalidSignatureException", SignatureMessage, "rid-xml" },
        { "moto IAM XML body", 403, "application/xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ErrorResponse><Errors><Error><Code>SignatureDoesNotMatch</Code><Message>" + SignatureMessage + "</Message><Type>Sender</Type></Error></Errors></ErrorResponse>", "SignatureDoesNotMatch", typeof(AuthenticationFailedException), "SignatureDoesNotMatch", SignatureMessage, "rid-header" },
        { "moto 404 not found", 404, "application/x-amz-json-1.1", "{\"__type\":\"ResourceNotFoundException\",\"message\":\"" + NotFound + "\"}", null, typeof(ResourceNotFoundException), "ResourceNotFoundException", NotFound, "rid-header" },
        { "404 empty body", 404, "", "", null, typeof(ResourceNotFoundException), "ResourceNotFoundException", null, "rid-header" },
        { "unknown code", 400, "application/x-amz-json-1.1", "{\"__type\":\"SomethingNewException\",\"Message\":\"new\"}", null, typeof(SecretsManagerException), "SomethingNewException", "new", "rid-header" },
        { "code without message", 400, "application/x-amz-json-1.1", "{\"__type\":\"InvalidParameterException\"}", null, typeof(InvalidParameterException), "InvalidParameterException", "~code", "rid-header" },
        { "400 empty body", 400, "", "", null, typeof(SecretsManagerException), "HttpStatus400", null, "rid-header" },
        { "500 InternalServiceError", 500, "application/x-amz-json-1.1", "{\"__type\":\"InternalServiceError\",\"Message\":\"boom\"}", null, typeof(InternalServiceErrorException), "InternalServiceError", "boom", "rid-header" },
        { "throttled", 400, "application/x-amz-json-1.1", "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}", null, typeof(ThrottlingException), "ThrottlingException", "Rate exceeded", "rid-header" },
        { "502 HTML (well-formed)", 502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>", null, typeof(SecretsManagerException), "InternalServiceError", null, "rid-header" },
        { "502 HTML (not XML)", 502, "text/html", "<!DOCTYPE html>\n<html><body>Bad Gateway<br></body></html>", null, typeof(SecretsManagerException), "InternalServiceError", null, "rid-header" },
        { "400 plain text", 400, "text/plain", "upstream connect error or disconnect/reset before headers", null, typeof(SecretsManagerException), "HttpStatus400", null, "rid-header" },
        { "400 truncated JSON", 400, "application/x-amz-json-1.1", "{\"__type\":\"ResourceNotFoundExc", null, typeof(SecretsManagerException), null!, null, "rid-header" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Error_response_maps_to_typed_exception(string label, int status, string contentType, string body, string? errorTypeHeader, Type expectedType, string? expectedCode, string? expectedMessage, string? expectedRequestId)
    {
        // The XML row carries its request id in the body only, to show it is read from there.
        var headers = expectedRequestId == "rid-header" ? TestClients.Headers(("x-amzn-RequestId", "rid-header")) : TestClients.Headers();
        if (errorTypeHeader is not null)
        {
            headers["X-Amzn-ErrorType"] = errorTypeHeader;
        }

        using var server = new LoopbackServer(_ => new CannedResponse { Status = status, ContentType = contentType, Body = body, Headers = headers });
        using var client = TestClients.For(server, maxErrorRetry: 0);

        var exception = await Record.ExceptionAsync(() => client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "missing" }));

        Assert.NotNull(exception);
        Assert.IsNotType<NullReferenceException>(exception);
        var error = Assert.IsAssignableFrom<SecretsManagerException>(exception);
        Assert.True(expectedType.IsInstanceOfType(error), $"{label}: expected {expectedType.Name}, got {error.GetType().Name}: {error.Message}");
        if (expectedCode is not null)
        {
            Assert.Equal(expectedCode, error.ErrorCode);
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(error.ErrorCode));
        }

        Assert.Equal(status, error.StatusCode);
        Assert.Equal("GetSecretValue", error.Operation);
        Assert.Equal(expectedRequestId, error.RequestId);
        if (expectedMessage == "~code")
        {
            // A recognised code without a message: the message must at least carry the code.
            Assert.Contains(expectedCode!, error.Message, StringComparison.Ordinal);
        }
        else if (expectedMessage is not null)
        {
            Assert.Equal(expectedMessage, error.Message);
        }
        else
        {
            // Nothing usable in the body: the message must still say what failed and how.
            Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
            Assert.Contains("GetSecretValue", error.Message, StringComparison.Ordinal);
        }

        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(200, "text/html", "<html><body>captive portal</body></html>")]
    [InlineData(200, "application/x-amz-json-1.1", "{\"ARN\": ")]
    [InlineData(200, "application/x-amz-json-1.1", "[1,2,3]")]
    [InlineData(200, "application/x-amz-json-1.1", "{\"CreatedDate\":{\"nested\":true}}")]
    public async Task Unreadable_success_body_names_status_and_operation(int status, string contentType, string body)
    {
        using var server = new LoopbackServer(_ => new CannedResponse { Status = status, ContentType = contentType, Body = body, Headers = TestClients.Headers(("x-amzn-RequestId", "rid")) });
        using var client = TestClients.For(server, maxErrorRetry: 0);

        var exception = await Record.ExceptionAsync(() => client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = "s" }));

        var error = Assert.IsAssignableFrom<SecretsManagerException>(exception);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("DescribeSecret", error.Operation);
        Assert.Contains("DescribeSecret", error.Message, StringComparison.Ordinal);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"SecretString\":\"TOPSECRET-1\",\"CreatedDate\":{}}")]
    [InlineData("{\"SecretString\":\"TOPSECRET-1\",\"VersionStages\":\"AWSCURRENT\"}")]
    [InlineData("{\"SecretString\":\"TOPSECRET-1\"")]
    [InlineData("{\"SecretString\":\"TOPSECRET-1\",\"SecretBinary\":\"not base64!\"}")]
    public async Task Unreadable_secret_value_body_is_not_echoed_in_the_exception(string body)
    {
        using var server = new LoopbackServer(_ => CannedResponse.Json(body));
        using var client = TestClients.For(server, maxErrorRetry: 0);

        var exception = await Record.ExceptionAsync(() => client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "s" }));

        var error = Assert.IsAssignableFrom<SecretsManagerException>(exception);
        Assert.Equal(200, error.StatusCode);
        for (var current = (Exception?)error; current is not null; current = current.InnerException)
        {
            Assert.DoesNotContain("TOPSECRET", current.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("TOPSECRET", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ResourceNotFoundException", "ResourceNotFoundException")]
    [InlineData("com.amazonaws.secretsmanager#ResourceNotFoundException", "ResourceNotFoundException")]
    [InlineData("InvalidParameterException:http://internal.amazon.com/coral/com.amazon.coral.validate/", "InvalidParameterException")]
    [InlineData("aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/", "FooError")]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void Error_code_is_sanitised(string? raw, string? expected)
    {
        Assert.Equal(expected, SecretsPS.Client.Internal.JsonResponseUnmarshaller<GetSecretValueResponse>.Sanitize(raw));
    }

    [Theory]
    [InlineData("<ErrorResponse><Error><Code>InvalidSignatureException</Code><Message>m</Message></Error><RequestId>rid-xml</RequestId></ErrorResponse>", "InvalidSignatureException", "m", "rid-xml")]
    [InlineData("<?xml version=\"1.0\"?><ErrorResponse><Errors><Error><Code>SignatureDoesNotMatch</Code><Message>m</Message></Error></Errors><RequestID>r2</RequestID></ErrorResponse>", "SignatureDoesNotMatch", "m", "r2")]
    [InlineData("<!DOCTYPE html><html></html>", null, null, null)]
    [InlineData("not json", null, null, null)]
    [InlineData("", null, null, null)]
    public void Error_body_reader_extracts_code_message_and_request_id(string body, string? code, string? message, string? requestId)
    {
        // Non-JSON bodies never consult the response headers (only Core's JSON error reader does).
        var info = SecretsPS.Client.Internal.ErrorBodyReader.Read(System.Text.Encoding.UTF8.GetBytes(body), headers: null!);
        Assert.Equal(code, info.Code);
        Assert.Equal(message, info.Message);
        Assert.Equal(requestId, info.RequestId);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        using var server = new LoopbackServer(_ => new CannedResponse { Status = 400, Body = "{\"__type\":\"InvalidParameterException\",\"Message\":\"no\"}" });
        using var client = TestClients.For(server, maxErrorRetry: 3);
        await Assert.ThrowsAsync<InvalidParameterException>(() => client.DeleteSecretAsync(new DeleteSecretRequest { SecretId = "s", RecoveryWindowInDays = 3 }));
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Service_exception_is_not_an_sdk_type()
    {
        using var server = new LoopbackServer(_ => new CannedResponse { Status = 400, Body = "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"x\"}" });
        using var client = TestClients.For(server);
        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "s" }));
        Assert.Equal("SecretsPS.Client", error.GetType().Assembly.GetName().Name);
        Assert.IsAssignableFrom<SecretsManagerException>(error);
    }
}
