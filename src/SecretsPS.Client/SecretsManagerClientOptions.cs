using System;

namespace SecretsPS.Client;

/// <summary>
/// How to build a client. Every member is optional: what is not set comes from the AWS SDK's own resolution
/// (environment variables, shared config and credentials files, SSO, assume-role, web identity, container and
/// instance metadata). Equal options describe the same client, so callers can cache clients by options.
/// </summary>
public sealed record SecretsManagerClientOptions
{
    /// <summary>Region system name, e.g. eu-west-1.</summary>
    public string? Region { get; init; }

    /// <summary>Named profile from the shared config/credentials files.</summary>
    public string? ProfileName { get; init; }

    /// <summary>A custom endpoint, e.g. http://127.0.0.1:5000 for a local emulator.</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>Explicit access key id (with <see cref="SecretAccessKey"/>).</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>Explicit secret access key (with <see cref="AccessKeyId"/>).</summary>
    public string? SecretAccessKey { get; init; }

    /// <summary>Session token of temporary credentials.</summary>
    public string? SessionToken { get; init; }

    /// <summary>Per-attempt HTTP time-out; the SDK default when null.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Retries after the first attempt; the SDK default (from AWS_MAX_ATTEMPTS or the profile) when null.</summary>
    public int? MaxErrorRetry { get; init; }

    /// <summary>Use the FIPS endpoint; the SDK default (AWS_USE_FIPS_ENDPOINT) when null.</summary>
    public bool? UseFipsEndpoint { get; init; }

    /// <summary>Use the dual-stack endpoint; the SDK default (AWS_USE_DUALSTACK_ENDPOINT) when null.</summary>
    public bool? UseDualstackEndpoint { get; init; }

    /// <summary>Keeps secrets out of ToString (records print every member by default).</summary>
    public override string ToString()
    {
        return $"SecretsManagerClientOptions {{ Region = {Region}, ProfileName = {ProfileName}, EndpointUrl = {EndpointUrl}, AccessKeyId = {AccessKeyId} }}";
    }
}
