using System;
using System.Linq;
using System.Threading.Tasks;
using SecretsPS.Client.Model;
using SecretsPS.Client.Tests.Infrastructure;
using Xunit;

namespace SecretsPS.Client.Tests;

/// <summary>Client behaviours a review found wrong once; each test failed before its fix.</summary>
public sealed class ReviewRegressionTests
{
    [Theory]
    [InlineData("eu-west-1 ")]
    [InlineData("eu west 1")]
    [InlineData("eu/west-1")]
    [InlineData("EU-WEST-1")]
    public void A_malformed_region_is_a_configuration_error_not_an_SDK_exception(string region)
    {
        var error = Assert.Throws<SecretsManagerConfigurationException>(() => SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
        {
            Region = region,
            AccessKeyId = TestClients.AccessKeyId,
            SecretAccessKey = TestClients.SecretAccessKey,
        }));
        Assert.Equal(ClientConfigurationProblem.InvalidRegion, error.Problem);
        Assert.Contains("not a region name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endpoint_url_with_user_information_is_not_echoed()
    {
        var error = Assert.Throws<SecretsManagerConfigurationException>(() => SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = "ftp://user:hunter2@example.com/",
            AccessKeyId = TestClients.AccessKeyId,
            SecretAccessKey = TestClients.SecretAccessKey,
        }));
        Assert.Equal(ClientConfigurationProblem.InvalidEndpoint, error.Problem);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_of_an_unexpected_type_still_yields_the_typed_service_error()
    {
        using var server = new LoopbackServer(_ => CannedResponse.Json("{\"__type\":\"com.amazonaws.secretsmanager#ResourceNotFoundException\",\"Message\":[\"a\"]}", 400));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = "s" }));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("DescribeSecret", error.Operation);
    }

    [Theory]
    [InlineData("{\"__type\":\"SomeNewException\"}", "SomeNewException")]
    [InlineData("{\"__type\":null,\"message\":null}", "HttpStatus400")]
    [InlineData("{\"Error\":{\"Code\":\"Nested\"}}", "HttpStatus400")]
    public async Task An_error_without_a_message_names_the_status_and_operation(string body, string expectedCode)
    {
        using var server = new LoopbackServer(_ => CannedResponse.Json(body, 400));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<SecretsManagerException>(() => client.RestoreSecretAsync(new RestoreSecretRequest { SecretId = "s" }));

        Assert.Equal(expectedCode, error.ErrorCode);
        Assert.Contains("RestoreSecret", error.Message, StringComparison.Ordinal);
        Assert.Contains("400", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("\"NaN\"")]
    [InlineData("-1e20")]
    public async Task A_timestamp_outside_the_range_of_dates_is_an_unreadable_response(string timestamp)
    {
        using var server = new LoopbackServer(_ => CannedResponse.Json("{\"Name\":\"s\",\"CreatedDate\":" + timestamp + "}"));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<SecretsManagerException>(() => client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = "s" }));

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Equal("DescribeSecret", error.Operation);
    }

    [Fact]
    public async Task A_paginator_leaves_the_callers_request_unchanged()
    {
        using var server = new LoopbackServer((_, sequence) => CannedResponse.Json(sequence == 1
            ? "{\"SecretList\":[{\"Name\":\"a\"}],\"NextToken\":\"page-2\"}"
            : "{\"SecretList\":[{\"Name\":\"b\"}]}"));
        using var client = TestClients.For(server);
        var request = new ListSecretsRequest { MaxResults = 1 };

        var pages = await client.ListSecretsPages(request).ReadAllAsync();

        Assert.Equal(new[] { "a", "b" }, pages.SelectMany(p => p.SecretList!).Select(e => e.Name));
        Assert.Null(request.NextToken);
        Assert.Equal("page-2", server.Requests[1].Json().GetProperty("NextToken").GetString());
    }

    [Fact]
    public async Task Requests_name_SecretsPS_in_the_user_agent()
    {
        using var server = new LoopbackServer(_ => CannedResponse.Json("{\"RandomPassword\":\"x\"}"));
        using var client = TestClients.For(server);

        await client.GetRandomPasswordAsync(new GetRandomPasswordRequest());

        var userAgent = server.Requests[0].Header("User-Agent") ?? string.Empty;
        Assert.Contains("SecretsPS", userAgent, StringComparison.Ordinal);
    }
}
