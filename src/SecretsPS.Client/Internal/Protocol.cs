using System;
using System.IO;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Xml;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using Amazon.Util;
using SecretsPS.Client.Model;

namespace SecretsPS.Client.Internal;

/// <summary>
/// Carries a model request through the SDK pipeline, already serialized (marshalling runs once per call). Core
/// names the request after its runtime type (metrics, telemetry), so each operation has its own subclass in
/// <see cref="Wire"/>.
/// </summary>
internal abstract class OperationRequest : AmazonWebServiceRequest
{
    public byte[] Body { get; set; } = Array.Empty<byte>();
}

/// <summary>Carries a model response out of the SDK pipeline.</summary>
internal sealed class OperationResponse : AmazonWebServiceResponse
{
    public SecretsManagerResponse? Model { get; set; }
}

/// <summary>awsJson1.1 request: POST / with the operation in X-Amz-Target; the SDK signs and sends it.</summary>
internal sealed class JsonRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    private const string ServiceName = "Amazon.SecretsManager";
    private readonly string _target;

    public JsonRequestMarshaller(string operationName)
    {
        _target = "secretsmanager." + operationName;
    }

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var operationRequest = (OperationRequest)input;
        IRequest request = new DefaultRequest(operationRequest, ServiceName);
        request.Headers["X-Amz-Target"] = _target;
        request.Headers["Content-Type"] = "application/x-amz-json-1.1";
        request.Headers[HeaderKeys.XAmzApiVersion] = SecretsManagerConfig.ApiVersion;
        request.HttpMethod = "POST";
        request.ResourcePath = "/";
        request.Content = operationRequest.Body;
        return request;
    }
}

/// <summary>
/// Reads a success body into the operation's model, and an error body into an AmazonServiceException whose
/// ErrorCode drives the SDK's retry and clock-skew handling. Tolerates JSON errors with <c>__type</c> (bare or
/// namespaced) or only an X-Amzn-ErrorType header, <c>Message</c> or <c>message</c>, XML error bodies (moto's
/// IAM-auth mode) and bodies that are neither.
/// </summary>
internal sealed class JsonResponseUnmarshaller<TResponse> : JsonResponseUnmarshaller
    where TResponse : SecretsManagerResponse
{
    private readonly string _operationName;
    private readonly JsonTypeInfo<TResponse> _typeInfo;

    public JsonResponseUnmarshaller(string operationName, JsonTypeInfo<TResponse> typeInfo)
    {
        _operationName = operationName;
        _typeInfo = typeInfo;
    }

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
    {
        var body = ReadAll(context.Stream);
        var status = (int)context.ResponseData.StatusCode;
        TResponse? model;
        try
        {
            // No-output operations may answer with an empty body.
            model = IsBlank(body) ? null : JsonSerializer.Deserialize(body, _typeInfo);
        }
        catch (JsonException ex)
        {
            throw new ResponseFormatException(
                $"The {_operationName} response (HTTP {status}) could not be read: {ex.Message}", ex, status, _operationName);
        }

        model ??= (TResponse)Activator.CreateInstance(typeof(TResponse))!;
        model.HttpStatusCode = status;
        model.RequestId = context.ResponseData.GetHeaderValue(HeaderKeys.RequestIdHeader);
        return new OperationResponse { Model = model };
    }

    public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
    {
        var body = ReadAll(context.Stream);
        var headers = context.ResponseData;
        var error = ErrorBodyReader.Read(body, headers);
        var code = Sanitize(error.Code) ?? Sanitize(headers.GetHeaderValue("X-Amzn-ErrorType")) ?? CodeForStatus(statusCode);
        var message = !string.IsNullOrEmpty(error.Message)
            ? error.Message!
            : $"Secrets Manager answered {_operationName} with HTTP {(int)statusCode} ({code}) and no error message.";
        var requestId = error.RequestId ?? headers.GetHeaderValue(HeaderKeys.RequestIdHeader);
        var errorType = (int)statusCode >= 500 ? ErrorType.Receiver : ErrorType.Sender;
        return new ParsedServiceException(message, innerException, errorType, code, requestId, statusCode);
    }

    private static byte[] ReadAll(Stream? stream)
    {
        if (stream is null)
        {
            return Array.Empty<byte>();
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static bool IsBlank(byte[] body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
            {
                return false;
            }
        }

        return true;
    }

    // awsJson error codes may come as "aws.protocoltests#FooError:http://..." : cut at ':' and keep what follows '#'.
    internal static string? Sanitize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var value = code!;
        var colon = value.IndexOf(':');
        if (colon >= 0)
        {
            value = value.Substring(0, colon);
        }

        var hash = value.LastIndexOf('#');
        if (hash >= 0)
        {
            value = value.Substring(hash + 1);
        }

        value = value.Trim();
        return value.Length == 0 ? null : value;
    }

    private static string CodeForStatus(HttpStatusCode status) => (int)status switch
    {
        404 => "ResourceNotFoundException",
        403 => "AccessDeniedException",
        429 => "ThrottlingException",
        >= 500 => "InternalServiceError",
        _ => "HttpStatus" + ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>Extracts code, message and request id from an error body in whichever shape it arrived.</summary>
internal static class ErrorBodyReader
{
    internal readonly struct ErrorInfo
    {
        public ErrorInfo(string? code, string? message, string? requestId)
        {
            Code = code;
            Message = message;
            RequestId = requestId;
        }

        public string? Code { get; }

        public string? Message { get; }

        public string? RequestId { get; }
    }

    public static ErrorInfo Read(byte[] body, IWebResponseData headers)
    {
        var text = Encoding.UTF8.GetString(body).TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        if (text.StartsWith("{", StringComparison.Ordinal))
        {
            return ReadJson(body, headers);
        }

        if (text.StartsWith("<", StringComparison.Ordinal))
        {
            return ReadXml(text);
        }

        return default;
    }

    private static ErrorInfo ReadJson(byte[] body, IWebResponseData headers)
    {
        // Core's reader knows where the code may be (__type, code, the X-Amzn-ErrorType header) and how to clean
        // it; the message comes from the body itself, since Core puts placeholder text there when it has none.
        string? code = null;
        string? requestId = null;
        try
        {
            using var stream = new MemoryStream(body);
            using var context = new JsonUnmarshallerContext(stream, false, headers, true);
            var reader = new StreamingUtf8JsonReader(stream);
            var response = JsonErrorResponseUnmarshaller.GetInstance().Unmarshall(context, ref reader);
            code = response.Code;
            requestId = string.IsNullOrEmpty(response.RequestId) ? null : response.RequestId;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or AmazonClientException)
        {
            // A member of an unexpected type (e.g. "Message": [..]): the body's own members below still count.
        }

        var (bodyCode, message) = ReadJsonMembers(body);
        return new ErrorInfo(string.IsNullOrEmpty(code) ? bodyCode : code, message, requestId);
    }

    private static (string? Code, string? Message) ReadJsonMembers(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            string? Text(params string[] names)
            {
                foreach (var name in names)
                {
                    if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
                    {
                        return text;
                    }
                }

                return null;
            }

            return (Text("__type", "code"), Text("Message", "message"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static ErrorInfo ReadXml(string text)
    {
        try
        {
            var document = new XmlDocument { XmlResolver = null };
            using (var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
            {
                document.Load(reader);
            }

            string? Find(string name) => document.GetElementsByTagName(name) is { Count: > 0 } nodes ? nodes[0]!.InnerText : null;
            return new ErrorInfo(Find("Code"), Find("Message"), Find("RequestId") ?? Find("RequestID"));
        }
        catch (XmlException)
        {
            return default;
        }
    }
}

/// <summary>
/// The SDK's service exception plus the request id read from the body: Core resets RequestId from the
/// x-amzn-RequestId header, which XML error bodies (moto's IAM-auth mode) do not come with.
/// </summary>
internal sealed class ParsedServiceException : AmazonServiceException
{
    public ParsedServiceException(string message, Exception innerException, ErrorType errorType, string errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
        ParsedRequestId = requestId;
    }

    public string? ParsedRequestId { get; }
}

/// <summary>A response arrived but its body is not the JSON the operation returns.</summary>
internal sealed class ResponseFormatException : Exception
{
    public ResponseFormatException(string message, Exception inner, int statusCode, string operation)
        : base(message, inner)
    {
        StatusCode = statusCode;
        Operation = operation;
    }

    public int StatusCode { get; }

    public string Operation { get; }
}
