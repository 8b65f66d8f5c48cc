using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace SecretsPS.Client.Model;

// Response shapes of the Secrets Manager API. Every member is optional on the wire (the service omits members
// without a value; moto sends some as null), so every property is nullable.

/// <summary>What every response carries besides its modelled members.</summary>
public abstract class SecretsManagerResponse
{
    /// <summary>The x-amzn-RequestId header of the response.</summary>
    [JsonIgnore]
    public string? RequestId { get; set; }

    /// <summary>The HTTP status code of the response.</summary>
    [JsonIgnore]
    public int HttpStatusCode { get; set; }
}

public sealed class CreateSecretResponse : SecretsManagerResponse
{
    public string? ARN { get; set; }
    public string? Name { get; set; }
    public string? VersionId { get; set; }
}

public sealed class GetSecretValueResponse : SecretsManagerResponse
{
    public string? ARN { get; set; }
    public string? Name { get; set; }
    public string? VersionId { get; set; }
    public byte[]? SecretBinary { get; set; }
    public string? SecretString { get; set; }
    public List<string>? VersionStages { get; set; }
    public DateTime? CreatedDate { get; set; }
}

public sealed class BatchGetSecretValueResponse : SecretsManagerResponse
{
    public List<SecretValueEntry>? SecretValues { get; set; }
    public string? NextToken { get; set; }
    public List<APIErrorType>? Errors { get; set; }
}

public sealed class SecretValueEntry
{
    public string? ARN { get; set; }
    public string? Name { get; set; }
    public string? VersionId { get; set; }
    public byte[]? SecretBinary { get; set; }
    public string? SecretString { get; set; }
    public List<string>? VersionStages { get; set; }
    public DateTime? CreatedDate { get; set; }
}

#pragma warning disable CA1707, CA1711 // The service model names this shape APIErrorType.
public sealed class APIErrorType
#pragma warning restore CA1707, CA1711
{
    public string? SecretId { get; set; }
    public string? ErrorCode { get; set; }
    public string? Message { get; set; }
}

public sealed class UpdateSecretResponse : SecretsManagerResponse
{
    public string? ARN { get; set; }
    public string? Name { get; set; }
    public string? VersionId { get; set; }
}

public sealed class PutSecretValueResponse : SecretsManagerResponse
{
    public string? ARN { get; set; }
    public string? Name { get; set; }
    public string? VersionId { get; set; }
    public List<string>? VersionStages { get; set; }
}

public sealed class DeleteSecretResponse : SecretsManagerResponse
{
    public string? ARN { get; set; }
    public string? Name { get; set; }
    public DateTime? DeletionDate { get; set; }
}

public sealed class RestoreSecretResponse : SecretsManagerResponse
{
    public string? ARN { get; set; }
    public string? Name { get; set; }
}

public sealed class DescribeSecretResponse : SecretsManagerResponse
{
    public string? ARN { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? KmsKeyId { get; set; }
    public bool? RotationEnabled { get; set; }
    public string? RotationLambdaARN { get; set; }
    public DateTime? LastRotatedDate { get; set; }
    public DateTime? LastChangedDate { get; set; }
    public DateTime? LastAccessedDate { get; set; }
    public DateTime? DeletedDate { get; set; }
    public DateTime? NextRotationDate { get; set; }
    public List<Tag>? Tags { get; set; }
    public Dictionary<string, List<string>>? VersionIdsToStages { get; set; }
    public string? OwningService { get; set; }
    public DateTime? CreatedDate { get; set; }
    public string? PrimaryRegion { get; set; }
}

public sealed class ListSecretsResponse : SecretsManagerResponse
{
    public List<SecretListEntry>? SecretList { get; set; }
    public string? NextToken { get; set; }
}

public sealed class SecretListEntry
{
    public string? ARN { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? KmsKeyId { get; set; }
    public bool? RotationEnabled { get; set; }
    public string? RotationLambdaARN { get; set; }
    public DateTime? LastRotatedDate { get; set; }
    public DateTime? LastChangedDate { get; set; }
    public DateTime? LastAccessedDate { get; set; }
    public DateTime? DeletedDate { get; set; }
    public DateTime? NextRotationDate { get; set; }
    public List<Tag>? Tags { get; set; }
    public Dictionary<string, List<string>>? SecretVersionsToStages { get; set; }
    public string? OwningService { get; set; }
    public DateTime? CreatedDate { get; set; }
    public string? PrimaryRegion { get; set; }
}

public sealed class ListSecretVersionIdsResponse : SecretsManagerResponse
{
    public List<SecretVersionsListEntry>? Versions { get; set; }
    public string? NextToken { get; set; }
    public string? ARN { get; set; }
    public string? Name { get; set; }
}

public sealed class SecretVersionsListEntry
{
    public string? VersionId { get; set; }
    public List<string>? VersionStages { get; set; }
    public DateTime? LastAccessedDate { get; set; }
    public DateTime? CreatedDate { get; set; }
    public List<string>? KmsKeyIds { get; set; }
}

public sealed class UpdateSecretVersionStageResponse : SecretsManagerResponse
{
    public string? ARN { get; set; }
    public string? Name { get; set; }
}

public sealed class GetRandomPasswordResponse : SecretsManagerResponse
{
    public string? RandomPassword { get; set; }
}

public sealed class TagResourceResponse : SecretsManagerResponse
{
}

public sealed class UntagResourceResponse : SecretsManagerResponse
{
}
