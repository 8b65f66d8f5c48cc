using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using SecretsPS.Client.Internal;
using SecretsPS.Client.Model;
using SecretsPS.Client.Tests.Infrastructure;
using Xunit;

namespace SecretsPS.Client.Tests;

/// <summary>
/// The endpoint rule set: regions across partitions, FIPS, dual-stack, custom URLs. Expected values are those of
/// the service's own rule set (botocore's secretsmanager endpoint-rule-set-1.json), which has partition-specific
/// dual-stack rules: in aws, aws-cn and aws-us-gov the regular host names are already dual-stack.
/// </summary>
public sealed class EndpointResolutionTests
{
    public static TheoryData<string, bool, bool, string> Table() => new()
    {
        { "us-east-1", false, false, "https://secretsmanager.us-east-1.amazonaws.com" },
        { "eu-west-1", false, false, "https://secretsmanager.eu-west-1.amazonaws.com" },
        { "cn-north-1", false, false, "https://secretsmanager.cn-north-1.amazonaws.com.cn" },
        { "us-gov-west-1", false, false, "https://secretsmanager.us-gov-west-1.amazonaws.com" },
        { "us-iso-east-1", false, false, "https://secretsmanager.us-iso-east-1.c2s.ic.gov" },
        { "us-east-1", true, false, "https://secretsmanager-fips.us-east-1.amazonaws.com" },
        { "eu-west-1", true, false, "https://secretsmanager-fips.eu-west-1.amazonaws.com" },
        { "us-gov-west-1", true, false, "https://secretsmanager-fips.us-gov-west-1.amazonaws.com" },
        { "cn-north-1", true, false, "https://secretsmanager-fips.cn-north-1.amazonaws.com.cn" },
        { "us-iso-east-1", true, false, "https://secretsmanager-fips.us-iso-east-1.c2s.ic.gov" },
        { "us-east-1", false, true, "https://secretsmanager.us-east-1.amazonaws.com" },
        { "eu-west-1", false, true, "https://secretsmanager.eu-west-1.amazonaws.com" },
        { "cn-north-1", false, true, "https://secretsmanager.cn-north-1.amazonaws.com.cn" },
        { "us-gov-west-1", false, true, "https://secretsmanager.us-gov-west-1.amazonaws.com" },
        { "us-east-1", true, true, "https://secretsmanager-fips.us-east-1.amazonaws.com" },
        { "us-gov-west-1", true, true, "https://secretsmanager-fips.us-gov-west-1.amazonaws.com" },
        { "cn-north-1", true, true, "https://secretsmanager-fips.cn-north-1.api.amazonwebservices.com.cn" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Provider_resolves_the_service_endpoint(string region, bool fips, bool dualStack, string expected)
    {
        var endpoint = Resolve(region, fips, dualStack, null);
        Assert.Equal(expected, endpoint.TrimEnd('/'));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", "us-east-1")]
    [InlineData("https://vpce-0123-abcd.secretsmanager.eu-west-1.vpce.amazonaws.com", "eu-west-1")]
    [InlineData("https://proxy.example.internal:8443/base", "cn-north-1")]
    public void Custom_endpoint_is_used_as_given(string url, string region)
    {
        Assert.Equal(url, Resolve(region, false, false, url));
    }

    [Theory]
    [InlineData(true, false, "FIPS")]
    [InlineData(false, true, "Dualstack")]
    [InlineData(true, true, "FIPS")]
    public void Custom_endpoint_with_fips_or_dual_stack_is_rejected(bool fips, bool dualStack, string named)
    {
        var error = Assert.ThrowsAny<AmazonClientException>(() => Resolve("us-east-1", fips, dualStack, "https://example.com"));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Provider_matches_botocores_rule_set_across_partitions()
    {
        Skip.If(Python.BotocoreDirectory is null, "python3 with botocore is not installed; cannot cross-check the endpoint rule set.");
        var regions = new[] { "us-east-1", "us-west-2", "eu-central-1", "ap-southeast-2", "ca-central-1", "mx-central-1", "cn-north-1", "cn-northwest-1", "us-gov-west-1", "us-gov-east-1", "us-iso-east-1", "us-isob-east-1" };
        const string script = """
import json, sys, botocore.session
from botocore.endpoint_provider import EndpointProvider
loader = botocore.session.get_session().get_component('data_loader')
provider = EndpointProvider(loader.load_service_model('secretsmanager', 'endpoint-rule-set-1'), loader.load_data('partitions'))
out = []
for case in json.load(sys.stdin):
    try:
        out.append(provider.resolve_endpoint(Region=case[0], UseFIPS=case[1], UseDualStack=case[2]).url)
    except Exception:
        out.append(None)
print(json.dumps(out))
""";
        var cases = regions.SelectMany(r => new[] { (r, false, false), (r, true, false), (r, false, true), (r, true, true) }).ToList();
        var input = JsonSerializer.Serialize(cases.Select(c => new object[] { c.Item1, c.Item2, c.Item3 }));
        var result = Python.Run(script, TimeSpan.FromSeconds(60), input);
        Assert.True(result is { ExitCode: 0 }, result?.Stderr);
        var expected = JsonSerializer.Deserialize<List<string?>>(result!.Value.Stdout)!;

        var mismatches = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            string? actual;
            try
            {
                actual = Resolve(cases[i].Item1, cases[i].Item2, cases[i].Item3, null).TrimEnd('/');
            }
            catch (AmazonClientException)
            {
                actual = null;
            }

            if (!string.Equals(expected[i], actual, StringComparison.Ordinal))
            {
                mismatches.Add($"{cases[i]}: service rule set {expected[i] ?? "error"}, client {actual ?? "error"}");
            }
        }

        Assert.True(mismatches.Count == 0, "Endpoint rule set differs from botocore's:\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public async Task Custom_url_with_explicit_region_signs_for_that_region()
    {
        using var server = new LoopbackServer(_ => CannedResponse.Json("{\"RandomPassword\":\"x\"}"));
        foreach (var region in new[] { "eu-west-1", "cn-north-1", "us-gov-west-1" })
        {
            using var client = TestClients.For(server, region: region);
            Assert.Equal(region, client.Region);
            await client.GetRandomPasswordAsync(new GetRandomPasswordRequest());
            var request = server.Requests[^1];
            Assert.Equal(region, SigV4Verifier.Parse(request.Header("Authorization")).Region);
            TestClients.AssertSignedJsonCall(request, "GetRandomPassword", region);
            Assert.Equal("127.0.0.1:" + server.Port, request.Header("Host"));
        }
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(null, true)]
    [InlineData(true, true)]
    public void Factory_rejects_custom_url_with_fips_or_dual_stack(bool? fips, bool? dualStack)
    {
        var error = Assert.Throws<SecretsManagerConfigurationException>(() => SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = "http://127.0.0.1:1",
            AccessKeyId = "a",
            SecretAccessKey = "b",
            UseFipsEndpoint = fips,
            UseDualstackEndpoint = dualStack,
        }));
        Assert.Equal(ClientConfigurationProblem.InvalidEndpoint, error.Problem);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.com")]
    [InlineData("/relative/path")]
    public void Factory_rejects_a_malformed_endpoint_url(string url)
    {
        var error = Assert.Throws<SecretsManagerConfigurationException>(() => SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = url,
            AccessKeyId = "a",
            SecretAccessKey = "b",
        }));
        Assert.Equal(ClientConfigurationProblem.InvalidEndpoint, error.Problem);
    }

    [Theory]
    [InlineData("us-east-1", false, false, "https://secretsmanager.us-east-1.amazonaws.com")]
    [InlineData("us-east-1", true, false, "https://secretsmanager-fips.us-east-1.amazonaws.com")]
    [InlineData("cn-north-1", false, false, "https://secretsmanager.cn-north-1.amazonaws.com.cn")]
    [InlineData("us-gov-west-1", true, false, "https://secretsmanager-fips.us-gov-west-1.amazonaws.com")]
    [InlineData("eu-west-1", false, true, "https://secretsmanager.eu-west-1.amazonaws.com")]
    public void Factory_options_reach_the_endpoint_rule_set(string region, bool fips, bool dualStack, string expected)
    {
        using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
        {
            Region = region,
            AccessKeyId = "a",
            SecretAccessKey = "b",
            UseFipsEndpoint = fips,
            UseDualstackEndpoint = dualStack,
        });
        var config = (ClientConfig)((AmazonServiceClient)client).Config;
        Assert.Equal(region, config.RegionEndpoint.SystemName);
        Assert.Equal(fips, config.UseFIPSEndpoint);
        Assert.Equal(dualStack, config.UseDualstackEndpoint);
        var endpoint = config.DetermineServiceOperationEndpoint(new ServiceOperationEndpointParameters(new SecretsPS.Client.Internal.Wire.GetSecretValueRequest()));
        Assert.Equal(expected, endpoint.URL.TrimEnd('/'));
        Assert.Equal(region, client.Region);
    }

    private static string Resolve(string region, bool fips, bool dualStack, string? endpoint)
    {
        var parameters = new SecretsManagerEndpointParameters { Region = region, UseFIPS = fips, UseDualStack = dualStack, Endpoint = endpoint };
        return new SecretsManagerEndpointProvider().ResolveEndpoint(parameters).URL;
    }
}
