using System;
using System.Threading.Tasks;
using SecretsPS.Client.Model;
using Xunit;

namespace SecretsPS.Client.Tests.Integration;

/// <summary>moto with IAM authentication on: a valid IAM user's signature passes, a wrong secret key does not.</summary>
public sealed class IamAuthTests : IClassFixture<IamAuthFixture>
{
    private readonly IamAuthFixture _moto;

    public IamAuthTests(IamAuthFixture moto)
    {
        _moto = moto;
    }

    [SkippableFact]
    public async Task Request_signed_with_the_users_keys_succeeds()
    {
        using var client = Client(_moto.SecretAccessKey!);
        var name = "xunit-iam-" + Guid.NewGuid().ToString("N");
        var created = await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "iam-value" });
        Assert.Equal(name, created.Name);
        var value = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name });
        Assert.Equal("iam-value", value.SecretString);
        await client.DeleteSecretAsync(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
    }

    [SkippableFact]
    public async Task Request_signed_with_a_wrong_secret_key_fails_naming_the_signature()
    {
        using var client = Client(_moto.SecretAccessKey + "wrong");
        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => client.ListSecretsAsync(new ListSecretsRequest()));
        Assert.Contains("Signature", error.ErrorCode, StringComparison.Ordinal);
        Assert.Equal(403, error.StatusCode);
        Assert.Equal("ListSecrets", error.Operation);
        Assert.Contains("signature", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task Request_with_an_unknown_access_key_fails_as_authentication()
    {
        Skip.If(_moto.Endpoint is null, _moto.SkipReason);
        using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = _moto.Endpoint,
            AccessKeyId = "AKIAUNKNOWNKEY000000",
            SecretAccessKey = "whatever",
            MaxErrorRetry = 0,
        });
        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => client.GetRandomPasswordAsync(new GetRandomPasswordRequest()));
        Assert.False(string.IsNullOrEmpty(error.ErrorCode));
        Assert.Equal("GetRandomPassword", error.Operation);
    }

    private ISecretsManagerClient Client(string secretAccessKey)
    {
        Skip.If(_moto.Endpoint is null, _moto.SkipReason);
        return SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = _moto.Endpoint,
            AccessKeyId = _moto.AccessKeyId,
            SecretAccessKey = secretAccessKey,
            MaxErrorRetry = 0,
        });
    }
}
