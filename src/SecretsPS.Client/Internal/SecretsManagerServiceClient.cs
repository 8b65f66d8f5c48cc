using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using SecretsPS.Client.Model;

namespace SecretsPS.Client.Internal;

/// <summary>
/// The Secrets Manager client on AWSSDK.Core's pipeline: the SDK resolves the endpoint (through our rule set),
/// signs (SigV4), retries, corrects clock skew and times out; this class marshals, unmarshals and translates SDK
/// exceptions into the assembly's own.
/// </summary>
internal sealed class SecretsManagerServiceClient : AmazonServiceClient, ISecretsManagerClient
{
    private static readonly SecretsManagerServiceMetadata s_metadata = new();

    public SecretsManagerServiceClient(AWSCredentials credentials, SecretsManagerConfig config, string region)
        : base(credentials, config)
    {
        Region = region;
        // Without a custom URL the endpoint is resolved per request (environment and config-file overrides included).
        EndpointDescription = config.ServiceURL ?? $"the {region} endpoint";
    }

    public string Region { get; }

    public string EndpointDescription { get; }

    protected override IServiceMetadata ServiceMetadata => s_metadata;

    public Task<CreateSecretResponse> CreateSecretAsync(CreateSecretRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request, nameof(request));
        var wireRequest = request.ClientRequestToken is null ? request.WithClientRequestToken(NewClientRequestToken()) : request;
        return InvokeOperationAsync(Operations.CreateSecret, wireRequest, cancellationToken);
    }

    public Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default)
        => InvokeOperationAsync(Operations.GetSecretValue, request, cancellationToken);

    public Task<BatchGetSecretValueResponse> BatchGetSecretValueAsync(BatchGetSecretValueRequest request, CancellationToken cancellationToken = default)
        => InvokeOperationAsync(Operations.BatchGetSecretValue, request, cancellationToken);

    public Task<UpdateSecretResponse> UpdateSecretAsync(UpdateSecretRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request, nameof(request));
        var wireRequest = request.ClientRequestToken is null ? request.WithClientRequestToken(NewClientRequestToken()) : request;
        return InvokeOperationAsync(Operations.UpdateSecret, wireRequest, cancellationToken);
    }

    public Task<PutSecretValueResponse> PutSecretValueAsync(PutSecretValueRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request, nameof(request));
        var wireRequest = request.ClientRequestToken is null ? request.WithClientRequestToken(NewClientRequestToken()) : request;
        return InvokeOperationAsync(Operations.PutSecretValue, wireRequest, cancellationToken);
    }

    public Task<DeleteSecretResponse> DeleteSecretAsync(DeleteSecretRequest request, CancellationToken cancellationToken = default)
        => InvokeOperationAsync(Operations.DeleteSecret, request, cancellationToken);

    public Task<RestoreSecretResponse> RestoreSecretAsync(RestoreSecretRequest request, CancellationToken cancellationToken = default)
        => InvokeOperationAsync(Operations.RestoreSecret, request, cancellationToken);

    public Task<DescribeSecretResponse> DescribeSecretAsync(DescribeSecretRequest request, CancellationToken cancellationToken = default)
        => InvokeOperationAsync(Operations.DescribeSecret, request, cancellationToken);

    public Task<ListSecretsResponse> ListSecretsAsync(ListSecretsRequest request, CancellationToken cancellationToken = default)
        => InvokeOperationAsync(Operations.ListSecrets, request, cancellationToken);

    public Task<ListSecretVersionIdsResponse> ListSecretVersionIdsAsync(ListSecretVersionIdsRequest request, CancellationToken cancellationToken = default)
        => InvokeOperationAsync(Operations.ListSecretVersionIds, request, cancellationToken);

    public Task<UpdateSecretVersionStageResponse> UpdateSecretVersionStageAsync(UpdateSecretVersionStageRequest request, CancellationToken cancellationToken = default)
        => InvokeOperationAsync(Operations.UpdateSecretVersionStage, request, cancellationToken);

    public Task<GetRandomPasswordResponse> GetRandomPasswordAsync(GetRandomPasswordRequest request, CancellationToken cancellationToken = default)
        => InvokeOperationAsync(Operations.GetRandomPassword, request, cancellationToken);

    public Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default)
        => InvokeOperationAsync(Operations.TagResource, request, cancellationToken);

    public Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken = default)
        => InvokeOperationAsync(Operations.UntagResource, request, cancellationToken);

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        Guard.NotNull(pipeline, nameof(pipeline));
        pipeline.RemoveHandler<Amazon.Runtime.Internal.EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new SecretsManagerEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new SecretsManagerAuthSchemeHandler());
    }

    // The SDK's own clients use Guid.NewGuid().ToString(): 36 characters, inside the 32-64 the service accepts.
    private static string NewClientRequestToken() => Guid.NewGuid().ToString();

    private async Task<TResponse> InvokeOperationAsync<TRequest, TResponse>(Operation<TRequest, TResponse> operation, TRequest request, CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : SecretsManagerResponse
    {
        Guard.NotNull(request, nameof(request));
        // Serialized once, before the retry loop: automatic retries resend the same body, token included.
        var body = JsonSerializer.SerializeToUtf8Bytes(request, operation.RequestInfo);
        var options = new InvokeOptions
        {
            RequestMarshaller = operation.Marshaller,
            ResponseUnmarshaller = operation.Unmarshaller,
        };

        try
        {
            var response = await InvokeAsync<OperationResponse>(operation.CreateWireRequest(body), options, cancellationToken).ConfigureAwait(false);
            return (TResponse)response.Model!;
        }
        catch (Exception ex) when (ExceptionTranslator.Translate(ex, operation.Name) is { } translated)
        {
            throw translated;
        }
    }
}

/// <summary>Turns SDK exceptions into this assembly's own, so callers never need an SDK type.</summary>
internal static class ExceptionTranslator
{
    public static Exception? Translate(Exception exception, string operation)
    {
        switch (exception)
        {
            case OperationCanceledException:
            case TimeoutException:
                return null;
            case not null when Find<ResponseFormatException>(exception) is { } format:
                // The SDK may wrap what the unmarshaller threw; the body problem is what the caller needs to see.
                return new SecretsManagerException(format.Message, exception, "InvalidResponse", format.StatusCode, null, operation);
            case AmazonServiceException service when service.StatusCode != 0 || !string.IsNullOrEmpty(service.ErrorCode):
                return SecretsManagerException.Create(
                    service.Message,
                    service,
                    string.IsNullOrEmpty(service.ErrorCode) ? "Unknown" : service.ErrorCode,
                    (int)service.StatusCode,
                    !string.IsNullOrEmpty(service.RequestId) ? service.RequestId : (service as ParsedServiceException)?.ParsedRequestId,
                    operation);
            case AmazonServiceException service when FindNetworkFailure(service) is { } network:
                // A transport failure the SDK wrapped after its retries: surface the transport exception itself.
                return network;
            case AmazonClientException client:
                return ClientBuilder.TranslateClientException(client);
            default:
                return null;
        }
    }

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static Exception? FindNetworkFailure(Exception exception)
    {
        for (var current = exception.InnerException; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException or System.IO.IOException or System.Net.Sockets.SocketException or TimeoutException)
            {
                return current;
            }
        }

        return null;
    }
}
