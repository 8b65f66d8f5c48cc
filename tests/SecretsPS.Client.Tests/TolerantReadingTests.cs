using System;
using System.Threading.Tasks;
using SecretsPS.Client.Model;
using SecretsPS.Client.Tests.Infrastructure;
using Xunit;

namespace SecretsPS.Client.Tests;

/// <summary>Responses as AWS and moto really send them: numbers or strings for dates, nulls, unknown members, empty bodies.</summary>
public sealed class TolerantReadingTests
{
    [Theory]
    [InlineData("1523477145.713", 713)]
    [InlineData("1523477145", 0)]
    [InlineData("1523477145.0", 0)]
    [InlineData("\"1523477145.713\"", 713)]
    [InlineData("\"1523477145\"", 0)]
    [InlineData("1.523477145713E9", 713)]
    public async Task Timestamp_is_read_from_numbers_and_numeric_strings(string json, int millis)
    {
        using var server = new LoopbackServer(_ => CannedResponse.Json("{\"Name\":\"n\",\"CreatedDate\":" + json + "}"));
        using var client = TestClients.For(server);
        var response = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "n" });
        Assert.Equal(new DateTime(2018, 4, 11, 20, 5, 45, millis, DateTimeKind.Utc), response.CreatedDate);
        Assert.Equal(DateTimeKind.Utc, response.CreatedDate!.Value.Kind);
    }

    [Fact]
    public async Task Moto_style_describe_with_nulls_and_empty_label_lists_is_read()
    {
        // moto 5: whole seconds, JSON nulls for unset dates, versions without labels as [], extra members.
        const string body = "{\"ARN\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:n-AbCdEf\",\"Name\":\"n\",\"Description\":null,\"KmsKeyId\":null,"
            + "\"RotationEnabled\":false,\"RotationLambdaARN\":null,\"RotationRules\":{\"AutomaticallyAfterDays\":0},\"LastRotatedDate\":null,"
            + "\"LastChangedDate\":1700000000,\"LastAccessedDate\":null,\"NextRotationDate\":null,\"DeletedDate\":null,\"CreatedDate\":1700000000,"
            + "\"Tags\":[],\"VersionIdsToStages\":{\"v1\":[\"AWSCURRENT\"],\"v0\":[]},\"ReplicationStatus\":[],\"Type\":null,\"SomethingNew\":{\"a\":[1,{\"b\":null}]}}";
        using var server = new LoopbackServer(_ => CannedResponse.Json(body));
        using var client = TestClients.For(server);

        var response = await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = "n" });

        Assert.Equal("n", response.Name);
        Assert.Null(response.Description);
        Assert.Null(response.KmsKeyId);
        Assert.False(response.RotationEnabled);
        Assert.Null(response.LastAccessedDate);
        Assert.Null(response.DeletedDate);
        Assert.Null(response.NextRotationDate);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000).UtcDateTime, response.LastChangedDate);
        Assert.Empty(response.Tags!);
        Assert.Empty(response.VersionIdsToStages!["v0"]);
        Assert.Equal(new[] { "AWSCURRENT" }, response.VersionIdsToStages!["v1"]);
    }

    [Fact]
    public async Task Response_metadata_comes_from_the_http_response_not_the_body()
    {
        using var server = new LoopbackServer(_ => new CannedResponse { Body = "{\"RandomPassword\":\"x\",\"RequestId\":\"from-body\",\"HttpStatusCode\":500}", Headers = TestClients.Headers(("x-amzn-RequestId", "from-header")) });
        using var client = TestClients.For(server);
        var response = await client.GetRandomPasswordAsync(new GetRandomPasswordRequest());
        Assert.Equal("from-header", response.RequestId);
        Assert.Equal(200, response.HttpStatusCode);
    }

    [Fact]
    public async Task Absent_members_are_null()
    {
        using var server = new LoopbackServer(_ => CannedResponse.Json("{}"));
        using var client = TestClients.For(server);
        var response = await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = "n" });
        Assert.Null(response.ARN);
        Assert.Null(response.CreatedDate);
        Assert.Null(response.Tags);
        Assert.Null(response.VersionIdsToStages);
        Assert.Null(response.RotationEnabled);
    }

    [Fact]
    public async Task Null_list_members_and_null_entries_are_tolerated()
    {
        using var server = new LoopbackServer(_ => CannedResponse.Json("{\"SecretList\":null,\"NextToken\":null}"));
        using var client = TestClients.For(server);
        var response = await client.ListSecretsAsync(new ListSecretsRequest());
        Assert.Null(response.SecretList);
        Assert.Null(response.NextToken);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("  \n")]
    public async Task TagResource_accepts_empty_or_empty_object_body(string body)
    {
        using var server = new LoopbackServer(_ => new CannedResponse { Body = body, Headers = TestClients.Headers(("x-amzn-RequestId", "rid-tag")) });
        using var client = TestClients.For(server);
        var tagged = await client.TagResourceAsync(new TagResourceRequest { SecretId = "n", Tags = new() { new Tag("k", "v") } });
        var untagged = await client.UntagResourceAsync(new UntagResourceRequest { SecretId = "n", TagKeys = new() { "k" } });
        Assert.Equal(200, tagged.HttpStatusCode);
        Assert.Equal("rid-tag", tagged.RequestId);
        Assert.Equal(200, untagged.HttpStatusCode);
    }

    [Fact]
    public async Task Numeric_members_are_read_from_strings()
    {
        using var server = new LoopbackServer(_ => CannedResponse.Json("{\"RotationEnabled\":true,\"Name\":\"n\",\"CreatedDate\":\"1700000000\",\"LastChangedDate\":\"1700000000.5\"}"));
        using var client = TestClients.For(server);
        var response = await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = "n" });
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000500).UtcDateTime, response.LastChangedDate);
    }

    [Fact]
    public async Task Moto_empty_next_token_ends_pagination()
    {
        // moto's ListSecretVersionIds sends NextToken "" and the ARN member holding the name.
        using var server = new LoopbackServer(_ => CannedResponse.Json("{\"ARN\":\"n\",\"Name\":\"n\",\"Versions\":[{\"VersionId\":\"v1\",\"VersionStages\":[],\"CreatedDate\":1700000000}],\"NextToken\":\"\"}"));
        using var client = TestClients.For(server);
        var pages = await client.ListSecretVersionIdsPages(new ListSecretVersionIdsRequest { SecretId = "n" }).ReadAllAsync();
        var page = Assert.Single(pages);
        Assert.Empty(Assert.Single(page.Versions!).VersionStages!);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Paginator_continues_past_empty_pages_until_the_token_is_absent()
    {
        using var server = new LoopbackServer((request, n) => n switch
        {
            1 => CannedResponse.Json("{\"SecretList\":[{\"Name\":\"a\"}],\"NextToken\":\"t1\"}"),
            2 => CannedResponse.Json("{\"SecretList\":[],\"NextToken\":\"t2\"}"),
            _ => CannedResponse.Json("{\"SecretList\":[{\"Name\":\"b\"}]}"),
        });
        using var client = TestClients.For(server);

        var paginator = client.ListSecretsPages(new ListSecretsRequest { MaxResults = 1 });
        var names = new System.Collections.Generic.List<string>();
        ListSecretsResponse? page;
        while ((page = await paginator.NextPageAsync()) is not null)
        {
            names.AddRange(System.Linq.Enumerable.Select(page.SecretList!, e => e.Name!));
        }

        Assert.Equal(new[] { "a", "b" }, names);
        Assert.True(paginator.IsFinished);
        var requests = server.Requests;
        Assert.Equal(3, requests.Count);
        Assert.False(requests[0].Json().TryGetProperty("NextToken", out _));
        Assert.Equal("t1", requests[1].Json().GetProperty("NextToken").GetString());
        Assert.Equal("t2", requests[2].Json().GetProperty("NextToken").GetString());
        Assert.All(requests, r => Assert.Equal(1, r.Json().GetProperty("MaxResults").GetInt32()));
    }

    [Fact]
    public async Task Paginator_stops_on_a_repeated_token()
    {
        using var server = new LoopbackServer(_ => CannedResponse.Json("{\"SecretValues\":[],\"NextToken\":\"same\"}"));
        using var client = TestClients.For(server);
        var paginator = client.BatchGetSecretValuePages(new BatchGetSecretValueRequest { Filters = new() { new Filter("name", "x") } });
        await Assert.ThrowsAsync<InvalidOperationException>(() => paginator.ReadAllAsync());
        Assert.Equal(2, server.RequestCount);
    }
}
