using System;
using System.Collections.Generic;

namespace SecretsPS.Client.Model;

// Request shapes of the Secrets Manager API (2017-10-17). Member names and types follow the service model
// (and so the official SDK's classes) so the wire format is derived from them; null means "not sent".

public sealed class CreateSecretRequest
{
    public string? Name { get; set; }
    public string? ClientRequestToken { get; set; }
    public string? Description { get; set; }
    public string? KmsKeyId { get; set; }
    public byte[]? SecretBinary { get; set; }
    public string? SecretString { get; set; }
    public List<Tag>? Tags { get; set; }

    // The service needs a token with every value; like the SDK, a missing one is generated per call without
    // touching the caller's object, so reusing a request object for a second call is a second operation.
    internal CreateSecretRequest WithClientRequestToken(string token)
    {
        var copy = (CreateSecretRequest)MemberwiseClone();
        copy.ClientRequestToken = token;
        return copy;
    }
}

public sealed class GetSecretValueRequest
{
    public string? SecretId { get; set; }
    public string? VersionId { get; set; }
    public string? VersionStage { get; set; }
}

public sealed class BatchGetSecretValueRequest
{
    public List<string>? SecretIdList { get; set; }
    public List<Filter>? Filters { get; set; }
    public int? MaxResults { get; set; }
    public string? NextToken { get; set; }

    // Each page is fetched with a copy, so a paginator never changes the caller's request.
    internal BatchGetSecretValueRequest WithNextToken(string? nextToken)
    {
        var copy = (BatchGetSecretValueRequest)MemberwiseClone();
        copy.NextToken = nextToken;
        return copy;
    }
}

public sealed class UpdateSecretRequest
{
    public string? SecretId { get; set; }
    public string? ClientRequestToken { get; set; }
    public string? Description { get; set; }
    public string? KmsKeyId { get; set; }
    public byte[]? SecretBinary { get; set; }
    public string? SecretString { get; set; }

    // The service needs a token with every value; like the SDK, a missing one is generated per call without
    // touching the caller's object, so reusing a request object for a second call is a second operation.
    internal UpdateSecretRequest WithClientRequestToken(string token)
    {
        var copy = (UpdateSecretRequest)MemberwiseClone();
        copy.ClientRequestToken = token;
        return copy;
    }
}

public sealed class PutSecretValueRequest
{
    public string? SecretId { get; set; }
    public string? ClientRequestToken { get; set; }
    public byte[]? SecretBinary { get; set; }
    public string? SecretString { get; set; }
    public List<string>? VersionStages { get; set; }
    public string? RotationToken { get; set; }

    // The service needs a token with every value; like the SDK, a missing one is generated per call without
    // touching the caller's object, so reusing a request object for a second call is a second operation.
    internal PutSecretValueRequest WithClientRequestToken(string token)
    {
        var copy = (PutSecretValueRequest)MemberwiseClone();
        copy.ClientRequestToken = token;
        return copy;
    }
}

public sealed class DeleteSecretRequest
{
    public string? SecretId { get; set; }
    public long? RecoveryWindowInDays { get; set; }
    public bool? ForceDeleteWithoutRecovery { get; set; }
}

public sealed class RestoreSecretRequest
{
    public string? SecretId { get; set; }
}

public sealed class DescribeSecretRequest
{
    public string? SecretId { get; set; }
}

public sealed class ListSecretsRequest
{
    public bool? IncludePlannedDeletion { get; set; }
    public int? MaxResults { get; set; }
    public string? NextToken { get; set; }
    public List<Filter>? Filters { get; set; }
    public string? SortOrder { get; set; }
    public string? SortBy { get; set; }

    // Each page is fetched with a copy, so a paginator never changes the caller's request.
    internal ListSecretsRequest WithNextToken(string? nextToken)
    {
        var copy = (ListSecretsRequest)MemberwiseClone();
        copy.NextToken = nextToken;
        return copy;
    }
}

public sealed class ListSecretVersionIdsRequest
{
    public string? SecretId { get; set; }
    public int? MaxResults { get; set; }
    public string? NextToken { get; set; }
    public bool? IncludeDeprecated { get; set; }

    // Each page is fetched with a copy, so a paginator never changes the caller's request.
    internal ListSecretVersionIdsRequest WithNextToken(string? nextToken)
    {
        var copy = (ListSecretVersionIdsRequest)MemberwiseClone();
        copy.NextToken = nextToken;
        return copy;
    }
}

public sealed class UpdateSecretVersionStageRequest
{
    public string? SecretId { get; set; }
    public string? VersionStage { get; set; }
    public string? RemoveFromVersionId { get; set; }
    public string? MoveToVersionId { get; set; }
}

public sealed class GetRandomPasswordRequest
{
    public long? PasswordLength { get; set; }
    public string? ExcludeCharacters { get; set; }
    public bool? ExcludeNumbers { get; set; }
    public bool? ExcludePunctuation { get; set; }
    public bool? ExcludeUppercase { get; set; }
    public bool? ExcludeLowercase { get; set; }
    public bool? IncludeSpace { get; set; }
    public bool? RequireEachIncludedType { get; set; }
}

public sealed class TagResourceRequest
{
    public string? SecretId { get; set; }
    public List<Tag>? Tags { get; set; }
}

public sealed class UntagResourceRequest
{
    public string? SecretId { get; set; }
    public List<string>? TagKeys { get; set; }
}

public sealed class Tag
{
    public Tag()
    {
    }

    public Tag(string key, string? value)
    {
        Key = key;
        Value = value;
    }

    public string? Key { get; set; }
    public string? Value { get; set; }
}

public sealed class Filter
{
    public Filter()
    {
    }

    public Filter(string key, params string[] values)
    {
        Key = key;
        Values = new List<string>(values ?? Array.Empty<string>());
    }

    /// <summary>description, name, tag-key, tag-value, primary-region, owning-service or all.</summary>
    public string? Key { get; set; }
    public List<string>? Values { get; set; }
}
