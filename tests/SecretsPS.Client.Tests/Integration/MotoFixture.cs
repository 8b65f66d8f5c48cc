using System;
using Xunit;

namespace SecretsPS.Client.Tests.Integration;

/// <summary>
/// One moto for the whole integration collection: the build's (SECRETSPS_TEST_ENDPOINT) when given, else one
/// started here and stopped at the end. When moto is not installed, every test in the collection is skipped.
/// </summary>
public sealed class MotoFixture : IDisposable
{
    public const string Collection = "moto";
    private readonly MotoServer? _ownServer;

    public MotoFixture()
    {
        var endpoint = Environment.GetEnvironmentVariable("SECRETSPS_TEST_ENDPOINT");
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            Endpoint = endpoint.TrimEnd('/');
            return;
        }

        var executable = MotoServer.FindExecutable();
        if (executable is null)
        {
            SkipReason = "moto_server is not installed (pip install \"moto[server]\") and SECRETSPS_TEST_ENDPOINT is not set.";
            return;
        }

        _ownServer = MotoServer.Start(executable);
        Endpoint = _ownServer.Url;
    }

    public string? Endpoint { get; }

    public string? SkipReason { get; }

    /// <summary>A client for moto; skips the calling test when no moto is available.</summary>
    public ISecretsManagerClient CreateClient(string accessKeyId = "testing", string secretAccessKey = "testing")
    {
        Skip.If(Endpoint is null, SkipReason);
        return SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = Endpoint,
            AccessKeyId = accessKeyId,
            SecretAccessKey = secretAccessKey,
        });
    }

    public void Dispose() => _ownServer?.Dispose();
}

[CollectionDefinition(MotoFixture.Collection)]
public sealed class MotoCollectionDefinition : ICollectionFixture<MotoFixture>
{
}
