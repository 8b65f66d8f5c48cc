namespace SecretsPS.Client;

/// <summary>Builds clients from options; the only way code outside the SDK's load context obtains one.</summary>
public static class SecretsManagerClientFactory
{
    /// <summary>
    /// Builds a client. Region and credentials are resolved here, so a missing region, an unknown profile or
    /// absent credentials throw <see cref="SecretsManagerConfigurationException"/> before any request is sent.
    /// </summary>
    public static ISecretsManagerClient Create(SecretsManagerClientOptions options)
    {
        Guard.NotNull(options, nameof(options));
        return Internal.ClientBuilder.Build(options);
    }
}
