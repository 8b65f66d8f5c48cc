namespace SecretsPS.Client.Internal.Wire;

// One type per operation so the SDK sees "<Operation>Request" as the request name.
internal sealed class CreateSecretRequest : OperationRequest
{
}

internal sealed class GetSecretValueRequest : OperationRequest
{
}

internal sealed class BatchGetSecretValueRequest : OperationRequest
{
}

internal sealed class UpdateSecretRequest : OperationRequest
{
}

internal sealed class PutSecretValueRequest : OperationRequest
{
}

internal sealed class DeleteSecretRequest : OperationRequest
{
}

internal sealed class RestoreSecretRequest : OperationRequest
{
}

internal sealed class DescribeSecretRequest : OperationRequest
{
}

internal sealed class ListSecretsRequest : OperationRequest
{
}

internal sealed class ListSecretVersionIdsRequest : OperationRequest
{
}

internal sealed class UpdateSecretVersionStageRequest : OperationRequest
{
}

internal sealed class GetRandomPasswordRequest : OperationRequest
{
}

internal sealed class TagResourceRequest : OperationRequest
{
}

internal sealed class UntagResourceRequest : OperationRequest
{
}
