using System;
using Xunit;

namespace SecretsPS.Client.Tests;

/// <summary>Configuration problems are reported by the factory, before any request, as SecretsManagerConfigurationException.</summary>
public sealed class ClientConfigurationTests
{
    [Theory]
    [InlineData("AKIDONLY", null)]
    [InlineData(null, "secret-only")]
    public void Half_of_an_explicit_key_pair_is_rejected(string? accessKeyId, string? secretAccessKey)
    {
        var error = Assert.Throws<SecretsManagerConfigurationException>(() => SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
        {
            Region = "us-east-1",
            AccessKeyId = accessKeyId,
            SecretAccessKey = secretAccessKey,
        }));
        Assert.Equal(ClientConfigurationProblem.NoCredentials, error.Problem);
        if (secretAccessKey is not null)
        {
            Assert.DoesNotContain(secretAccessKey, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unknown_profile_is_reported_as_ProfileNotFound()
    {
        var profile = "secretsps-no-such-profile-" + Guid.NewGuid().ToString("N");
        var error = Assert.Throws<SecretsManagerConfigurationException>(() => SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
        {
            Region = "us-east-1",
            ProfileName = profile,
        }));
        Assert.Equal(ClientConfigurationProblem.ProfileNotFound, error.Problem);
        Assert.Contains(profile, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ToString_never_shows_the_secret_key_or_session_token()
    {
        var options = new SecretsManagerClientOptions
        {
            Region = "eu-west-1",
            AccessKeyId = "AKIDVISIBLE",
            SecretAccessKey = "SECRET-KEY-MATERIAL",
            SessionToken = "SESSION-TOKEN-MATERIAL",
        };
        var text = options.ToString();
        Assert.Contains("AKIDVISIBLE", text, StringComparison.Ordinal);
        Assert.Contains("eu-west-1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-KEY-MATERIAL", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SESSION-TOKEN-MATERIAL", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_options_are_equal_so_callers_can_cache_clients()
    {
        var a = new SecretsManagerClientOptions { Region = "eu-west-1", EndpointUrl = "http://127.0.0.1:1", MaxErrorRetry = 2, Timeout = TimeSpan.FromSeconds(3) };
        var b = new SecretsManagerClientOptions { Region = "eu-west-1", EndpointUrl = "http://127.0.0.1:1", MaxErrorRetry = 2, Timeout = TimeSpan.FromSeconds(3) };
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Region = "eu-west-2" });
    }

    [Fact]
    public async System.Threading.Tasks.Task Null_options_or_requests_are_argument_errors()
    {
        Assert.Throws<ArgumentNullException>(() => SecretsManagerClientFactory.Create(null!));
        using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions { Region = "us-east-1", EndpointUrl = "http://127.0.0.1:1", AccessKeyId = "a", SecretAccessKey = "b" });
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.CreateSecretAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetSecretValueAsync(null!));
    }
}
