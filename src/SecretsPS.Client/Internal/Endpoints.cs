using System;
using System.Collections.Generic;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.Util;
using static Amazon.Runtime.Internal.Endpoints.StandardLibrary.Fn;

namespace SecretsPS.Client.Internal;

/// <summary>The inputs of the Secrets Manager endpoint rule set.</summary>
internal sealed class SecretsManagerEndpointParameters : EndpointParameters
{
    public SecretsManagerEndpointParameters()
    {
        UseDualStack = false;
        UseFIPS = false;
    }

    public string? Region
    {
        get => (string?)this["Region"];
        set => this["Region"] = value;
    }

    public bool UseDualStack
    {
        get => (bool)this["UseDualStack"];
        set => this["UseDualStack"] = value;
    }

    public bool UseFIPS
    {
        get => (bool)this["UseFIPS"];
        set => this["UseFIPS"] = value;
    }

    public string? Endpoint
    {
        get => (string?)this["Endpoint"];
        set => this["Endpoint"] = value;
    }
}

/// <summary>
/// The service's endpoint rule set (botocore's endpoint-rule-set-1.json for secretsmanager, 2017-10-17): a custom
/// endpoint is used as given; otherwise secretsmanager[-fips].{region}.{dnsSuffix}, where the service answers
/// dual-stack on its usual amazonaws.com(.cn) host names in the aws, aws-cn and aws-us-gov partitions. Partition
/// data comes from AWSSDK.Core, so a new region or partition needs a Core update, not code here.
/// </summary>
internal sealed class SecretsManagerEndpointProvider : IEndpointProvider
{
    public Endpoint ResolveEndpoint(EndpointParameters parameters)
    {
        Guard.NotNull(parameters, nameof(parameters));
        var region = (string?)parameters["Region"];
        var useFips = Equals(parameters["UseFIPS"], true);
        var useDualStack = Equals(parameters["UseDualStack"], true);
        var customEndpoint = (string?)parameters["Endpoint"];

        if (IsSet(customEndpoint))
        {
            if (useFips)
            {
                throw new AmazonClientException("Invalid Configuration: FIPS and custom endpoint are not supported");
            }

            if (useDualStack)
            {
                throw new AmazonClientException("Invalid Configuration: Dualstack and custom endpoint are not supported");
            }

            return new Endpoint(customEndpoint);
        }

        if (!IsSet(region))
        {
            throw new AmazonClientException("Invalid Configuration: Missing Region");
        }

        var partition = Partition(region) ?? throw new AmazonClientException("Cannot resolve endpoint");
        var partitionName = GetAttr(partition, "name") as string;
        var supportsFips = Equals(true, GetAttr(partition, "supportsFIPS"));
        var supportsDualStack = Equals(true, GetAttr(partition, "supportsDualStack"));
        var refs = new Dictionary<string, object> { ["Region"] = region!, ["PartitionResult"] = partition };

        if (useFips && useDualStack)
        {
            if (!supportsFips || !supportsDualStack)
            {
                throw new AmazonClientException("FIPS and DualStack are enabled, but this partition does not support one or both");
            }

            return partitionName is "aws" or "aws-us-gov"
                ? new Endpoint(Interpolate("https://secretsmanager-fips.{Region}.amazonaws.com", refs))
                : new Endpoint(Interpolate("https://secretsmanager-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", refs));
        }

        if (useFips)
        {
            return supportsFips
                ? new Endpoint(Interpolate("https://secretsmanager-fips.{Region}.{PartitionResult#dnsSuffix}", refs))
                : throw new AmazonClientException("FIPS is enabled but this partition does not support FIPS");
        }

        if (useDualStack)
        {
            if (!supportsDualStack)
            {
                throw new AmazonClientException("DualStack is enabled but this partition does not support DualStack");
            }

            return partitionName switch
            {
                "aws" or "aws-us-gov" => new Endpoint(Interpolate("https://secretsmanager.{Region}.amazonaws.com", refs)),
                "aws-cn" => new Endpoint(Interpolate("https://secretsmanager.{Region}.amazonaws.com.cn", refs)),
                _ => new Endpoint(Interpolate("https://secretsmanager.{Region}.{PartitionResult#dualStackDnsSuffix}", refs)),
            };
        }

        return new Endpoint(Interpolate("https://secretsmanager.{Region}.{PartitionResult#dnsSuffix}", refs));
    }
}

/// <summary>Maps the client configuration onto the rule set's parameters for each request.</summary>
internal sealed class SecretsManagerEndpointResolver : BaseEndpointResolver
{
    protected override void ServiceSpecificHandler(IExecutionContext executionContext, EndpointParameters parameters)
    {
        InjectHostPrefix(executionContext.RequestContext);
    }

    protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
    {
        var config = requestContext.ClientConfig;
        var result = new SecretsManagerEndpointParameters
        {
            Region = requestContext.Request.AlternateEndpoint?.SystemName ?? config.RegionEndpoint?.SystemName,
            UseDualStack = config.UseDualstackEndpoint,
            UseFIPS = config.UseFIPSEndpoint,
            Endpoint = config.ServiceURL,
        };

        // With a custom URL and no RegionEndpoint the signing region decides the partition.
        if (config.RegionEndpoint is null && !string.IsNullOrEmpty(config.ServiceURL))
        {
            result.Region = !string.IsNullOrEmpty(config.AuthenticationRegion)
                ? config.AuthenticationRegion
                : RegionEndpoint.GetBySystemName(AWSSDKUtils.DetermineRegion(config.ServiceURL)).SystemName;
        }

        return result;
    }
}

/// <summary>Every Secrets Manager operation is signed with SigV4.</summary>
internal sealed class SecretsManagerAuthSchemeHandler : BaseAuthResolverHandler
{
    protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) => AuthSchemeOption.DEFAULT_SIGV4;
}

/// <summary>Service metadata Core reads for environment/config endpoint overrides and metrics.</summary>
internal sealed class SecretsManagerServiceMetadata : IServiceMetadata
{
    public string ServiceId => SecretsManagerConfig.ServiceIdValue;

    public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
