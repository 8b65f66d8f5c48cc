using System;
using System.Text.Json.Serialization.Metadata;
using SecretsPS.Client.Model;

namespace SecretsPS.Client.Internal;

/// <summary>One Secrets Manager operation: its wire name and the JSON contracts of its request and response.</summary>
internal sealed class Operation<TRequest, TResponse>
    where TRequest : class
    where TResponse : SecretsManagerResponse
{
    public Operation(string name, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResponse> responseInfo)
    {
        Name = name;
        RequestInfo = requestInfo;
        ResponseInfo = responseInfo;
        Marshaller = new JsonRequestMarshaller(name);
        Unmarshaller = new JsonResponseUnmarshaller<TResponse>(name, responseInfo);
    }

    public string Name { get; }

    public JsonTypeInfo<TRequest> RequestInfo { get; }

    public JsonTypeInfo<TResponse> ResponseInfo { get; }

    public JsonRequestMarshaller Marshaller { get; }

    public JsonResponseUnmarshaller<TResponse> Unmarshaller { get; }
}

/// <summary>The operations SecretsPS calls, with their source-generated JSON contracts.</summary>
internal static class Operations
{
    private static readonly SecretsManagerJsonContext s_json = SecretsManagerJsonContext.Default;

    public static readonly Operation<CreateSecretRequest, CreateSecretResponse> CreateSecret = new("CreateSecret", s_json.CreateSecretRequest, s_json.CreateSecretResponse);
    public static readonly Operation<GetSecretValueRequest, GetSecretValueResponse> GetSecretValue = new("GetSecretValue", s_json.GetSecretValueRequest, s_json.GetSecretValueResponse);
    public static readonly Operation<BatchGetSecretValueRequest, BatchGetSecretValueResponse> BatchGetSecretValue = new("BatchGetSecretValue", s_json.BatchGetSecretValueRequest, s_json.BatchGetSecretValueResponse);
    public static readonly Operation<UpdateSecretRequest, UpdateSecretResponse> UpdateSecret = new("UpdateSecret", s_json.UpdateSecretRequest, s_json.UpdateSecretResponse);
    public static readonly Operation<PutSecretValueRequest, PutSecretValueResponse> PutSecretValue = new("PutSecretValue", s_json.PutSecretValueRequest, s_json.PutSecretValueResponse);
    public static readonly Operation<DeleteSecretRequest, DeleteSecretResponse> DeleteSecret = new("DeleteSecret", s_json.DeleteSecretRequest, s_json.DeleteSecretResponse);
    public static readonly Operation<RestoreSecretRequest, RestoreSecretResponse> RestoreSecret = new("RestoreSecret", s_json.RestoreSecretRequest, s_json.RestoreSecretResponse);
    public static readonly Operation<DescribeSecretRequest, DescribeSecretResponse> DescribeSecret = new("DescribeSecret", s_json.DescribeSecretRequest, s_json.DescribeSecretResponse);
    public static readonly Operation<ListSecretsRequest, ListSecretsResponse> ListSecrets = new("ListSecrets", s_json.ListSecretsRequest, s_json.ListSecretsResponse);
    public static readonly Operation<ListSecretVersionIdsRequest, ListSecretVersionIdsResponse> ListSecretVersionIds = new("ListSecretVersionIds", s_json.ListSecretVersionIdsRequest, s_json.ListSecretVersionIdsResponse);
    public static readonly Operation<UpdateSecretVersionStageRequest, UpdateSecretVersionStageResponse> UpdateSecretVersionStage = new("UpdateSecretVersionStage", s_json.UpdateSecretVersionStageRequest, s_json.UpdateSecretVersionStageResponse);
    public static readonly Operation<GetRandomPasswordRequest, GetRandomPasswordResponse> GetRandomPassword = new("GetRandomPassword", s_json.GetRandomPasswordRequest, s_json.GetRandomPasswordResponse);
    public static readonly Operation<TagResourceRequest, TagResourceResponse> TagResource = new("TagResource", s_json.TagResourceRequest, s_json.TagResourceResponse);
    public static readonly Operation<UntagResourceRequest, UntagResourceResponse> UntagResource = new("UntagResource", s_json.UntagResourceRequest, s_json.UntagResourceResponse);
}
