using System;
using System.Threading;
using System.Threading.Tasks;
using SecretsPS.Client.Model;

namespace SecretsPS.Client;

/// <summary>
/// The Secrets Manager operations SecretsPS uses, shaped after the official SDK's IAmazonSecretsManager.
/// Signatures use only this assembly's types and the BCL, so callers outside the SDK's load context can use it.
/// Service errors surface as <see cref="SecretsManagerException"/> (or a subclass); a caller's cancellation as
/// <see cref="OperationCanceledException"/>; a time-out as <see cref="TimeoutException"/>.
/// </summary>
public interface ISecretsManagerClient : IDisposable
{
    /// <summary>The region requests are signed for.</summary>
    string Region { get; }

    /// <summary>The custom endpoint URL requests go to, or "the &lt;region&gt; endpoint" when it is resolved per request.</summary>
    string EndpointDescription { get; }

    Task<CreateSecretResponse> CreateSecretAsync(CreateSecretRequest request, CancellationToken cancellationToken = default);

    Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default);

    Task<BatchGetSecretValueResponse> BatchGetSecretValueAsync(BatchGetSecretValueRequest request, CancellationToken cancellationToken = default);

    Task<UpdateSecretResponse> UpdateSecretAsync(UpdateSecretRequest request, CancellationToken cancellationToken = default);

    Task<PutSecretValueResponse> PutSecretValueAsync(PutSecretValueRequest request, CancellationToken cancellationToken = default);

    Task<DeleteSecretResponse> DeleteSecretAsync(DeleteSecretRequest request, CancellationToken cancellationToken = default);

    Task<RestoreSecretResponse> RestoreSecretAsync(RestoreSecretRequest request, CancellationToken cancellationToken = default);

    Task<DescribeSecretResponse> DescribeSecretAsync(DescribeSecretRequest request, CancellationToken cancellationToken = default);

    Task<ListSecretsResponse> ListSecretsAsync(ListSecretsRequest request, CancellationToken cancellationToken = default);

    Task<ListSecretVersionIdsResponse> ListSecretVersionIdsAsync(ListSecretVersionIdsRequest request, CancellationToken cancellationToken = default);

    Task<UpdateSecretVersionStageResponse> UpdateSecretVersionStageAsync(UpdateSecretVersionStageRequest request, CancellationToken cancellationToken = default);

    Task<GetRandomPasswordResponse> GetRandomPasswordAsync(GetRandomPasswordRequest request, CancellationToken cancellationToken = default);

    Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default);

    Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken = default);
}
