using System;
using System.Text.Json.Serialization.Metadata;
using SecretsPS.Client.Model;

namespace SecretsPS.Client.Internal;

/// <summary>One Secrets Manager operation: its wire name and the JSON contracts of its request and response.</summary>
internal sealed class Operation<TRequest, TResponse>
    where TRequest : class
    where TResponse : SecretsManagerResponse
{
    private readonly Func<OperationRequest> _createWireRequest;

    public Operation(string name, Func<OperationRequest> createWireRequest, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResponse> responseInfo)
    {
        Name = name;
        _createWireRequest = createWireRequest;
        RequestInfo = requestInfo;
        Marshaller = new JsonRequestMarshaller(name);
        Unmarshaller = new JsonResponseUnmarshaller<TResponse>(name, responseInfo);
    }

    public string Name { get; }

    public JsonTypeInfo<TRequest> RequestInfo { get; }

    public JsonRequestMarshaller Marshaller { get; }

    public JsonResponseUnmarshaller<TResponse> Unmarshaller { get; }

    public OperationRequest CreateWireRequest(byte[] body)
    {
        var request = _createWireRequest();
        request.Body = body;
        return request;
    }
}

/// <summary>The operations SecretsPS calls, with their source-generated JSON contracts.</summary>
internal static class Operations
{
    private static readonly SecretsManagerJsonContext s_json = SecretsManagerJsonContext.Default;

    public static readonly Operation<CreateSecretRequest, CreateSecretResponse> CreateSecret = new("CreateSecret", () => new Wire.CreateSecretRequest(), s_json.CreateSecretRequest, s_json.CreateSecretResponse);
    public static readonly Operation<GetSecretValueRequest, GetSecretValueResponse> GetSecretValue = new("GetSecretValue", () => new Wire.GetSecretValueRequest(), s_json.GetSecretValueRequest, s_json.GetSecretValueResponse);
    public static readonly Operation<BatchGetSecretValueRequest, BatchGetSecretValueResponse> BatchGetSecretValue = new("BatchGetSecretValue", () => new Wire.BatchGetSecretValueRequest(), s_json.BatchGetSecretValueRequest, s_json.BatchGetSecretValueResponse);
    public static readonly Operation<UpdateSecretRequest, UpdateSecretResponse> UpdateSecret = new("UpdateSecret", () => new Wire.UpdateSecretRequest(), s_json.UpdateSecretRequest, s_json.UpdateSecretResponse);
    public static readonly Operation<PutSecretValueRequest, PutSecretValueResponse> PutSecretValue = new("PutSecretValue", () => new Wire.PutSecretValueRequest(), s_json.PutSecretValueRequest, s_json.PutSecretValueResponse);
    public static readonly Operation<DeleteSecretRequest, DeleteSecretResponse> DeleteSecret = new("DeleteSecret", () => new Wire.DeleteSecretRequest(), s_json.DeleteSecretRequest, s_json.DeleteSecretResponse);
    public static readonly Operation<RestoreSecretRequest, RestoreSecretResponse> RestoreSecret = new("RestoreSecret", () => new Wire.RestoreSecretRequest(), s_json.RestoreSecretRequest, s_json.RestoreSecretResponse);
    public static readonly Operation<DescribeSecretRequest, DescribeSecretResponse> DescribeSecret = new("DescribeSecret", () => new Wire.DescribeSecretRequest(), s_json.DescribeSecretRequest, s_json.DescribeSecretResponse);
    public static readonly Operation<ListSecretsRequest, ListSecretsResponse> ListSecrets = new("ListSecrets", () => new Wire.ListSecretsRequest(), s_json.ListSecretsRequest, s_json.ListSecretsResponse);
    public static readonly Operation<ListSecretVersionIdsRequest, ListSecretVersionIdsResponse> ListSecretVersionIds = new("ListSecretVersionIds", () => new Wire.ListSecretVersionIdsRequest(), s_json.ListSecretVersionIdsRequest, s_json.ListSecretVersionIdsResponse);
    public static readonly Operation<UpdateSecretVersionStageRequest, UpdateSecretVersionStageResponse> UpdateSecretVersionStage = new("UpdateSecretVersionStage", () => new Wire.UpdateSecretVersionStageRequest(), s_json.UpdateSecretVersionStageRequest, s_json.UpdateSecretVersionStageResponse);
    public static readonly Operation<GetRandomPasswordRequest, GetRandomPasswordResponse> GetRandomPassword = new("GetRandomPassword", () => new Wire.GetRandomPasswordRequest(), s_json.GetRandomPasswordRequest, s_json.GetRandomPasswordResponse);
    public static readonly Operation<TagResourceRequest, TagResourceResponse> TagResource = new("TagResource", () => new Wire.TagResourceRequest(), s_json.TagResourceRequest, s_json.TagResourceResponse);
    public static readonly Operation<UntagResourceRequest, UntagResourceResponse> UntagResource = new("UntagResource", () => new Wire.UntagResourceRequest(), s_json.UntagResourceRequest, s_json.UntagResourceResponse);
}
