using System;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace SecretsPS.Client.Internal;

/// <summary>
/// Turns <see cref="SecretsManagerClientOptions"/> into a configured client. Region and credentials are resolved
/// explicitly here (not lazily by the SDK on the first request) so that a long-lived PowerShell session picks up
/// changed environment variables and profiles, and so that a missing region or credentials is reported before
/// anything is sent, with a message that says how to fix it.
/// </summary>
internal static class ClientBuilder
{
    // A custom endpoint without any configured region (typical for a local emulator) signs for this region,
    // which is what the SDK itself would derive from a loopback URL.
    private const string DefaultEmulatorRegion = "us-east-1";

    // Region names are DNS labels: what RegionEndpoint accepts without throwing an SDK exception.
    private static readonly System.Text.RegularExpressions.Regex s_regionName =
        new("^[a-z0-9]+(-[a-z0-9]+)*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    // Tells AWS which tool made the request (the user agent's app/ part).
    private static readonly string s_clientAppId = "SecretsPS/" + (typeof(ClientBuilder).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    public static ISecretsManagerClient Build(SecretsManagerClientOptions options)
    {
        try
        {
            return BuildClient(options);
        }
        catch (AmazonClientException ex)
        {
            // Whatever Core rejects while the client is configured is a configuration problem, in our own type.
            throw TranslateClientException(ex);
        }
    }

    private static ISecretsManagerClient BuildClient(SecretsManagerClientOptions options)
    {
        var config = new SecretsManagerConfig { ClientAppId = s_clientAppId };
        CredentialProfile? profile = null;
        if (!string.IsNullOrEmpty(options.ProfileName))
        {
            profile = FindProfile(options.ProfileName!);
            config.Profile = new Profile(options.ProfileName);
        }

        if (options.Timeout is { } timeout)
        {
            config.Timeout = timeout;
        }

        if (options.MaxErrorRetry is { } retries)
        {
            config.MaxErrorRetry = retries;
        }

        if (options.UseFipsEndpoint is { } fips)
        {
            config.UseFIPSEndpoint = fips;
        }

        if (options.UseDualstackEndpoint is { } dualStack)
        {
            config.UseDualstackEndpoint = dualStack;
        }

        var region = ResolveRegion(options, profile);
        if (region is not null && !s_regionName.IsMatch(region))
        {
            throw new SecretsManagerConfigurationException(
                ClientConfigurationProblem.InvalidRegion,
                $"'{region}' is not a region name: expected lower-case letters and digits in dash-separated parts, such as eu-west-1.");
        }

        if (!string.IsNullOrEmpty(options.EndpointUrl))
        {
            if (!Uri.TryCreate(options.EndpointUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                // A URL with user information may carry a password: name it without echoing it.
                var shown = uri is not null && !string.IsNullOrEmpty(uri.UserInfo) ? "given" : $"'{options.EndpointUrl}'";
                throw new SecretsManagerConfigurationException(
                    ClientConfigurationProblem.InvalidEndpoint,
                    $"The endpoint URL {shown} is not an absolute http:// or https:// URL.");
            }

            if (options.UseFipsEndpoint == true || options.UseDualstackEndpoint == true)
            {
                throw new SecretsManagerConfigurationException(
                    ClientConfigurationProblem.InvalidEndpoint,
                    "A custom endpoint URL cannot be combined with the FIPS or dual-stack endpoint settings.");
            }

            // With ServiceURL set, RegionEndpoint must stay unset or the two cancel each other.
            config.ServiceURL = options.EndpointUrl;
            region ??= DefaultEmulatorRegion;
        }
        else
        {
            // Core's ServiceURL getter reports an endpoint configured through AWS_ENDPOINT_URL_SECRETS_MANAGER,
            // AWS_ENDPOINT_URL or a [services] section, and honours AWS_IGNORE_CONFIGURED_ENDPOINT_URLS. Such an
            // endpoint is an emulator as often as not, so it does not need a region.
            if (region is null && !string.IsNullOrEmpty(config.ServiceURL))
            {
                region = DefaultEmulatorRegion;
            }

            if (region is null)
            {
                throw new SecretsManagerConfigurationException(ClientConfigurationProblem.NoRegion, NoRegionMessage(options.ProfileName));
            }

            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        // Always sign for the region resolved here. Without this, a configured endpoint URL makes Core sign for its
        // own fallback region or for one parsed from the URL (us-east-1 for loopback), not for -Region.
        config.AuthenticationRegion = region;

        var credentials = ResolveCredentials(options, config);
        return new SecretsManagerServiceClient(credentials, config, region);
    }

    internal static Exception TranslateClientException(AmazonClientException exception)
    {
        var message = exception.Message ?? string.Empty;
        if (message.IndexOf("credentials", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return new SecretsManagerConfigurationException(ClientConfigurationProblem.NoCredentials, message, exception);
        }

        if (message.IndexOf("endpoint", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return new SecretsManagerConfigurationException(ClientConfigurationProblem.InvalidEndpoint, message, exception);
        }

        return new SecretsManagerConfigurationException(ClientConfigurationProblem.Other, message, exception);
    }

    private static CredentialProfile FindProfile(string profileName)
    {
        // Core reads the locations of the config and credentials files once per process (pitfall 3): a change of
        // AWS_CONFIG_FILE or AWS_SHARED_CREDENTIALS_FILE takes effect in a new PowerShell process.
        if (new CredentialProfileStoreChain().TryGetProfile(profileName, out var profile))
        {
            return profile;
        }

        throw new SecretsManagerConfigurationException(
            ClientConfigurationProblem.ProfileNotFound,
            $"The profile '{profileName}' was not found in the shared config file ({ConfigFileHint()}) or credentials file ({CredentialsFileHint()}).");
    }

    private static string? ResolveRegion(SecretsManagerClientOptions options, CredentialProfile? profile)
    {
        if (!string.IsNullOrEmpty(options.Region))
        {
            return options.Region;
        }

        if (profile?.Region is { } profileRegion)
        {
            return profileRegion.SystemName;
        }

        if (profile is not null)
        {
            // An explicitly named profile without a region: only the environment can still supply one.
            return EnvironmentRegion();
        }

        // Core's fallback chain reads AWS_REGION but not AWS_DEFAULT_REGION, which the AWS CLI also honours.
        if (EnvironmentRegion() is { } environmentRegion)
        {
            return environmentRegion;
        }

        // The SDK caches the first region it finds for the life of the process; start afresh each time.
        FallbackRegionFactory.Reset();
        var fallback = FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: !string.IsNullOrEmpty(options.EndpointUrl) ? false : !InstanceMetadataDisabled());
        return fallback?.SystemName;
    }

    private static string? EnvironmentRegion()
    {
        var region = Environment.GetEnvironmentVariable("AWS_REGION");
        if (string.IsNullOrWhiteSpace(region))
        {
            region = Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        }

        return string.IsNullOrWhiteSpace(region) ? null : region!.Trim();
    }

    private static bool InstanceMetadataDisabled()
        => string.Equals(Environment.GetEnvironmentVariable("AWS_EC2_METADATA_DISABLED"), "true", StringComparison.OrdinalIgnoreCase);

    private static AWSCredentials ResolveCredentials(SecretsManagerClientOptions options, SecretsManagerConfig config)
    {
        if (!string.IsNullOrEmpty(options.AccessKeyId) || !string.IsNullOrEmpty(options.SecretAccessKey))
        {
            if (string.IsNullOrEmpty(options.AccessKeyId) || string.IsNullOrEmpty(options.SecretAccessKey))
            {
                throw new SecretsManagerConfigurationException(
                    ClientConfigurationProblem.NoCredentials,
                    "Explicit credentials need both an access key id and a secret access key.");
            }

            return string.IsNullOrEmpty(options.SessionToken)
                ? new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey)
                : new SessionAWSCredentials(options.AccessKeyId, options.SecretAccessKey, options.SessionToken);
        }

        if (!string.IsNullOrEmpty(options.ProfileName))
        {
            try
            {
                if (new CredentialProfileStoreChain().TryGetAWSCredentials(options.ProfileName, out var profileCredentials))
                {
                    return profileCredentials;
                }
            }
            catch (AmazonClientException ex)
            {
                throw new SecretsManagerConfigurationException(
                    ClientConfigurationProblem.InvalidProfile,
                    $"The profile '{options.ProfileName}' cannot provide credentials: {ex.Message}",
                    ex);
            }

            throw new SecretsManagerConfigurationException(
                ClientConfigurationProblem.InvalidProfile,
                $"The profile '{options.ProfileName}' has no usable credentials (access keys, role_arn, sso_session or credential_process).");
        }

        try
        {
            using var resolver = new DefaultAWSCredentialsIdentityResolver();
            return resolver.ResolveIdentity(config);
        }
        catch (AmazonClientException ex)
        {
            throw new SecretsManagerConfigurationException(
                ClientConfigurationProblem.NoCredentials,
                "No AWS credentials were found. Pass -Credential (or -ProfileName), set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, " +
                "set AWS_PROFILE to a profile in the shared credentials file, or run where a role provides them. (" + ex.Message + ")",
                ex);
        }
    }

    private static string NoRegionMessage(string? profileName)
    {
        var profileHint = string.IsNullOrEmpty(profileName)
            ? "or add 'region = <name>' to the [default] profile (or the profile named by AWS_PROFILE)"
            : $"or add 'region = <name>' to profile '{profileName}'";
        return $"No AWS region was found. Pass -Region (for example -Region eu-west-1), set the AWS_REGION environment variable, {profileHint} in {ConfigFileHint()}.";
    }

    private static string ConfigFileHint()
        => Environment.GetEnvironmentVariable("AWS_CONFIG_FILE") is { Length: > 0 } path ? path : "~/.aws/config";

    private static string CredentialsFileHint()
        => Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } path ? path : "~/.aws/credentials";
}
