using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Reflection;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Util.Internal;

namespace SecretsPS.Client.Internal;

/// <summary>ClientConfig for Secrets Manager, as the generated AmazonSecretsManagerConfig sets it up.</summary>
internal sealed class SecretsManagerConfig : ClientConfig
{
    // Core derives the AWS_ENDPOINT_URL_SECRETS_MANAGER variable and the [services] key secrets_manager from this.
    internal const string ServiceIdValue = "Secrets Manager";
    internal const string SigningName = "secretsmanager";
    internal const string ApiVersion = "2017-10-17";

    // Core's file version (4.1.x); its assembly version stays 4.0.0.0 across the 4.x line.
    private static readonly string s_userAgent = InternalSDKUtils.BuildUserAgentString(
        "SecretsManager",
        typeof(ClientConfig).Assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()?.Version ?? "4.1");

    public SecretsManagerConfig()
        : base(new Amazon.Runtime.Internal.DefaultConfigurationProvider(DefaultConfigurations.All))
    {
        ServiceId = ServiceIdValue;
        AuthenticationServiceName = SigningName;
        EndpointProvider = new SecretsManagerEndpointProvider();
    }

    public override string RegionEndpointServiceName => SigningName;

    public override string ServiceVersion => ApiVersion;

    public override string UserAgent => s_userAgent;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
    {
        var endpointParameters = new SecretsManagerEndpointParameters
        {
            Region = RegionEndpoint?.SystemName ?? AuthenticationRegion,
            UseDualStack = UseDualstackEndpoint,
            UseFIPS = UseFIPSEndpoint,
            Endpoint = ServiceURL,
        };
        return EndpointProvider.ResolveEndpoint(endpointParameters);
    }

    /// <summary>The defaults-mode table of the generated client (retry mode and connect timeouts per mode).</summary>
    private static class DefaultConfigurations
    {
        public static ReadOnlyCollection<IDefaultConfiguration> All { get; } = new(new List<IDefaultConfiguration>
        {
            Create(DefaultConfigurationMode.Standard, 3100),
            Create(DefaultConfigurationMode.InRegion, 1100),
            Create(DefaultConfigurationMode.CrossRegion, 3100),
            Create(DefaultConfigurationMode.Mobile, 30000),
            Create(DefaultConfigurationMode.Auto, 1100),
        });

        private static DefaultConfiguration Create(DefaultConfigurationMode mode, long connectTimeoutMs) => new()
        {
            Name = mode,
            RetryMode = RequestRetryMode.Standard,
            S3UsEast1RegionalEndpoint = S3UsEast1RegionalEndpointValue.Regional,
            ConnectTimeout = TimeSpan.FromMilliseconds(connectTimeoutMs),
            TlsNegotiationTimeout = TimeSpan.FromMilliseconds(connectTimeoutMs),
            TimeToFirstByteTimeout = null,
            HttpRequestTimeout = null,
        };
    }
}
