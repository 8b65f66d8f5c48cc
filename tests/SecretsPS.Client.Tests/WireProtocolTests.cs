using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using SecretsPS.Client.Model;
using SecretsPS.Client.Tests.Infrastructure;
using Xunit;

namespace SecretsPS.Client.Tests;

/// <summary>
/// What goes on the wire for each operation: POST /, X-Amz-Target, awsJson1.1 content type, a SigV4 signature
/// recomputed independently, and the JSON body with the service's member names and values; and what comes back.
/// </summary>
public sealed class WireProtocolTests
{
    private static readonly byte[] s_binary = { 0x00, 0x01, 0x02, 0xff };
    private const string Token = "11111111-2222-3333-4444-555555555555";
    private const string Arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-Ab12Cd";

    /// <summary>Operation → (call, expected request body, canned response body, response check).</summary>
    private static readonly Dictionary<string, OperationCase> s_cases = new(StringComparer.Ordinal)
    {
        ["CreateSecret"] = new(
            c => c.CreateSecretAsync(new CreateSecretRequest
            {
                Name = "app/db",
                ClientRequestToken = Token,
                Description = "db password",
                KmsKeyId = "alias/app",
                SecretString = "p@ss\"word\u00e9",
                Tags = new List<Tag> { new("env", "test"), new("empty", "") },
            }),
            "{\"Name\":\"app/db\",\"ClientRequestToken\":\"" + Token + "\",\"Description\":\"db password\",\"KmsKeyId\":\"alias/app\",\"SecretString\":\"p@ss\\\"word\u00e9\",\"Tags\":[{\"Key\":\"env\",\"Value\":\"test\"},{\"Key\":\"empty\",\"Value\":\"\"}]}",
            "{\"ARN\":\"" + Arn + "\",\"Name\":\"app/db\",\"VersionId\":\"" + Token + "\"}",
            r =>
            {
                var response = (CreateSecretResponse)r;
                Assert.Equal(Arn, response.ARN);
                Assert.Equal("app/db", response.Name);
                Assert.Equal(Token, response.VersionId);
            }),
        ["CreateSecret(binary)"] = new(
            c => c.CreateSecretAsync(new CreateSecretRequest { Name = "bin", ClientRequestToken = Token, SecretBinary = s_binary }),
            "{\"Name\":\"bin\",\"ClientRequestToken\":\"" + Token + "\",\"SecretBinary\":\"AAEC/w==\"}",
            "{\"ARN\":\"" + Arn + "\",\"Name\":\"bin\"}",
            r => Assert.Null(((CreateSecretResponse)r).VersionId)),
        ["GetSecretValue"] = new(
            c => c.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "app/db", VersionId = Token, VersionStage = "AWSCURRENT" }),
            "{\"SecretId\":\"app/db\",\"VersionId\":\"" + Token + "\",\"VersionStage\":\"AWSCURRENT\"}",
            "{\"ARN\":\"" + Arn + "\",\"Name\":\"app/db\",\"VersionId\":\"" + Token + "\",\"SecretBinary\":\"AAEC/w==\",\"VersionStages\":[\"AWSCURRENT\",\"AWSPENDING\"],\"CreatedDate\":1523477145.713}",
            r =>
            {
                var response = (GetSecretValueResponse)r;
                Assert.Equal(s_binary, response.SecretBinary);
                Assert.Null(response.SecretString);
                Assert.Equal(new[] { "AWSCURRENT", "AWSPENDING" }, response.VersionStages);
                Assert.Equal(new DateTime(2018, 4, 11, 20, 5, 45, 713, DateTimeKind.Utc), response.CreatedDate);
                Assert.Equal(DateTimeKind.Utc, response.CreatedDate!.Value.Kind);
            }),
        ["BatchGetSecretValue"] = new(
            c => c.BatchGetSecretValueAsync(new BatchGetSecretValueRequest { SecretIdList = new List<string> { "a", "b" } }),
            "{\"SecretIdList\":[\"a\",\"b\"]}",
            "{\"SecretValues\":[{\"ARN\":\"" + Arn + "\",\"Name\":\"a\",\"VersionId\":\"" + Token + "\",\"SecretString\":\"va\",\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1523477145}],\"Errors\":[{\"SecretId\":\"b\",\"ErrorCode\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}]}",
            r =>
            {
                var response = (BatchGetSecretValueResponse)r;
                var value = Assert.Single(response.SecretValues!);
                Assert.Equal("va", value.SecretString);
                Assert.Equal(new DateTime(2018, 4, 11, 20, 5, 45, DateTimeKind.Utc), value.CreatedDate);
                var error = Assert.Single(response.Errors!);
                Assert.Equal("b", error.SecretId);
                Assert.Equal("ResourceNotFoundException", error.ErrorCode);
                Assert.Null(response.NextToken);
            }),
        ["BatchGetSecretValue(filters)"] = new(
            c => c.BatchGetSecretValueAsync(new BatchGetSecretValueRequest { Filters = new List<Filter> { new("tag-key", "env"), new("name", "!/x", "app") }, MaxResults = 20, NextToken = "tok" }),
            "{\"Filters\":[{\"Key\":\"tag-key\",\"Values\":[\"env\"]},{\"Key\":\"name\",\"Values\":[\"!/x\",\"app\"]}],\"MaxResults\":20,\"NextToken\":\"tok\"}",
            "{\"SecretValues\":[],\"NextToken\":\"next\"}",
            r =>
            {
                var response = (BatchGetSecretValueResponse)r;
                Assert.Empty(response.SecretValues!);
                Assert.Equal("next", response.NextToken);
            }),
        ["UpdateSecret"] = new(
            c => c.UpdateSecretAsync(new UpdateSecretRequest { SecretId = Arn, ClientRequestToken = Token, Description = "", KmsKeyId = "", SecretBinary = s_binary }),
            "{\"SecretId\":\"" + Arn + "\",\"ClientRequestToken\":\"" + Token + "\",\"Description\":\"\",\"KmsKeyId\":\"\",\"SecretBinary\":\"AAEC/w==\"}",
            "{\"ARN\":\"" + Arn + "\",\"Name\":\"app/db\",\"VersionId\":\"" + Token + "\"}",
            r => Assert.Equal(Token, ((UpdateSecretResponse)r).VersionId)),
        ["PutSecretValue"] = new(
            c => c.PutSecretValueAsync(new PutSecretValueRequest { SecretId = "app/db", ClientRequestToken = Token, SecretString = "v2", VersionStages = new List<string> { "one", "two" }, RotationToken = "rot-1234567890-1234567890-1234567890" }),
            "{\"SecretId\":\"app/db\",\"ClientRequestToken\":\"" + Token + "\",\"SecretString\":\"v2\",\"VersionStages\":[\"one\",\"two\"],\"RotationToken\":\"rot-1234567890-1234567890-1234567890\"}",
            "{\"ARN\":\"" + Arn + "\",\"Name\":\"app/db\",\"VersionId\":\"" + Token + "\",\"VersionStages\":[\"one\",\"two\"]}",
            r => Assert.Equal(new[] { "one", "two" }, ((PutSecretValueResponse)r).VersionStages)),
        ["DeleteSecret"] = new(
            c => c.DeleteSecretAsync(new DeleteSecretRequest { SecretId = "app/db", RecoveryWindowInDays = 7 }),
            "{\"SecretId\":\"app/db\",\"RecoveryWindowInDays\":7}",
            "{\"ARN\":\"" + Arn + "\",\"Name\":\"app/db\",\"DeletionDate\":\"1524085349.095\"}",
            r => Assert.Equal(new DateTime(2018, 4, 18, 21, 2, 29, 95, DateTimeKind.Utc), ((DeleteSecretResponse)r).DeletionDate)),
        ["DeleteSecret(force)"] = new(
            c => c.DeleteSecretAsync(new DeleteSecretRequest { SecretId = "app/db", ForceDeleteWithoutRecovery = true }),
            "{\"SecretId\":\"app/db\",\"ForceDeleteWithoutRecovery\":true}",
            "{\"ARN\":\"" + Arn + "\",\"Name\":\"app/db\",\"DeletionDate\":1524085349}",
            r => Assert.Equal(new DateTime(2018, 4, 18, 21, 2, 29, DateTimeKind.Utc), ((DeleteSecretResponse)r).DeletionDate)),
        ["RestoreSecret"] = new(
            c => c.RestoreSecretAsync(new RestoreSecretRequest { SecretId = "app/db" }),
            "{\"SecretId\":\"app/db\"}",
            "{\"ARN\":\"" + Arn + "\",\"Name\":\"app/db\"}",
            r => Assert.Equal(Arn, ((RestoreSecretResponse)r).ARN)),
        ["DescribeSecret"] = new(
            c => c.DescribeSecretAsync(new DescribeSecretRequest { SecretId = "app/db" }),
            "{\"SecretId\":\"app/db\"}",
            "{\"ARN\":\"" + Arn + "\",\"Name\":\"app/db\",\"Description\":\"d\",\"KmsKeyId\":\"alias/app\",\"RotationEnabled\":true,\"RotationLambdaARN\":\"arn:aws:lambda:us-east-1:123456789012:function:rot\",\"RotationRules\":{\"AutomaticallyAfterDays\":30},\"LastRotatedDate\":1523477145.1,\"LastChangedDate\":1523477145.2,\"LastAccessedDate\":1523923200,\"DeletedDate\":1524085349.095,\"NextRotationDate\":1526069145,\"Tags\":[{\"Key\":\"env\",\"Value\":\"test\"}],\"VersionIdsToStages\":{\"" + Token + "\":[\"AWSCURRENT\"],\"old\":[\"AWSPREVIOUS\",\"custom\"]},\"OwningService\":\"rds\",\"CreatedDate\":1523477140,\"PrimaryRegion\":\"us-east-1\",\"ReplicationStatus\":[{\"Region\":\"eu-west-1\",\"Status\":\"InSync\"}]}",
            r =>
            {
                var response = (DescribeSecretResponse)r;
                Assert.True(response.RotationEnabled);
                Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:rot", response.RotationLambdaARN);
                Assert.Equal(new DateTime(2018, 4, 11, 20, 5, 45, 100, DateTimeKind.Utc), response.LastRotatedDate);
                Assert.Equal(new DateTime(2018, 4, 11, 20, 5, 45, 200, DateTimeKind.Utc), response.LastChangedDate);
                Assert.Equal(new DateTime(2018, 4, 17, 0, 0, 0, DateTimeKind.Utc), response.LastAccessedDate);
                Assert.Equal(new DateTime(2018, 4, 18, 21, 2, 29, 95, DateTimeKind.Utc), response.DeletedDate);
                Assert.NotNull(response.NextRotationDate);
                Assert.Equal("env", Assert.Single(response.Tags!).Key);
                Assert.Equal(new[] { "AWSPREVIOUS", "custom" }, response.VersionIdsToStages!["old"]);
                Assert.Equal(new[] { "AWSCURRENT" }, response.VersionIdsToStages![Token]);
                Assert.Equal("rds", response.OwningService);
                Assert.Equal("us-east-1", response.PrimaryRegion);
                Assert.Equal("alias/app", response.KmsKeyId);
            }),
        ["ListSecrets"] = new(
            c => c.ListSecretsAsync(new ListSecretsRequest { IncludePlannedDeletion = true, MaxResults = 10, NextToken = "t1", Filters = new List<Filter> { new("all", "db") }, SortOrder = "desc", SortBy = "name" }),
            "{\"IncludePlannedDeletion\":true,\"MaxResults\":10,\"NextToken\":\"t1\",\"Filters\":[{\"Key\":\"all\",\"Values\":[\"db\"]}],\"SortOrder\":\"desc\",\"SortBy\":\"name\"}",
            "{\"SecretList\":[{\"ARN\":\"" + Arn + "\",\"Name\":\"app/db\",\"Description\":\"d\",\"CreatedDate\":1523477140.5,\"LastChangedDate\":1523477145,\"SecretVersionsToStages\":{\"" + Token + "\":[\"AWSCURRENT\"]},\"Tags\":[]}],\"NextToken\":\"t2\"}",
            r =>
            {
                var response = (ListSecretsResponse)r;
                var entry = Assert.Single(response.SecretList!);
                Assert.Equal("app/db", entry.Name);
                Assert.Equal(new[] { "AWSCURRENT" }, entry.SecretVersionsToStages![Token]);
                Assert.Empty(entry.Tags!);
                Assert.Equal("t2", response.NextToken);
            }),
        ["ListSecretVersionIds"] = new(
            c => c.ListSecretVersionIdsAsync(new ListSecretVersionIdsRequest { SecretId = "app/db", MaxResults = 5, NextToken = "n", IncludeDeprecated = true }),
            "{\"SecretId\":\"app/db\",\"MaxResults\":5,\"NextToken\":\"n\",\"IncludeDeprecated\":true}",
            "{\"ARN\":\"" + Arn + "\",\"Name\":\"app/db\",\"Versions\":[{\"VersionId\":\"" + Token + "\",\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1523477145.713,\"LastAccessedDate\":1523923200,\"KmsKeyIds\":[\"DefaultEncryptionKey\"]},{\"VersionId\":\"deprecated\",\"CreatedDate\":1523477100}]}",
            r =>
            {
                var response = (ListSecretVersionIdsResponse)r;
                Assert.Equal(2, response.Versions!.Count);
                Assert.Equal(new[] { "DefaultEncryptionKey" }, response.Versions[0].KmsKeyIds);
                Assert.Equal(new DateTime(2018, 4, 17, 0, 0, 0, DateTimeKind.Utc), response.Versions[0].LastAccessedDate);
                Assert.Null(response.Versions[1].VersionStages);
                Assert.Null(response.NextToken);
            }),
        ["UpdateSecretVersionStage"] = new(
            c => c.UpdateSecretVersionStageAsync(new UpdateSecretVersionStageRequest { SecretId = "app/db", VersionStage = "AWSCURRENT", RemoveFromVersionId = "old-version-id-000000000000000000", MoveToVersionId = Token }),
            "{\"SecretId\":\"app/db\",\"VersionStage\":\"AWSCURRENT\",\"RemoveFromVersionId\":\"old-version-id-000000000000000000\",\"MoveToVersionId\":\"" + Token + "\"}",
            "{\"ARN\":\"" + Arn + "\",\"Name\":\"app/db\"}",
            r => Assert.Equal("app/db", ((UpdateSecretVersionStageResponse)r).Name)),
        ["GetRandomPassword"] = new(
            c => c.GetRandomPasswordAsync(new GetRandomPasswordRequest { PasswordLength = 4096, ExcludeCharacters = "\"'\\", ExcludeNumbers = false, ExcludePunctuation = true, ExcludeUppercase = false, ExcludeLowercase = false, IncludeSpace = true, RequireEachIncludedType = false }),
            "{\"PasswordLength\":4096,\"ExcludeCharacters\":\"\\\"'\\\\\",\"ExcludeNumbers\":false,\"ExcludePunctuation\":true,\"ExcludeUppercase\":false,\"ExcludeLowercase\":false,\"IncludeSpace\":true,\"RequireEachIncludedType\":false}",
            "{\"RandomPassword\":\"abc DEF 123\"}",
            r => Assert.Equal("abc DEF 123", ((GetRandomPasswordResponse)r).RandomPassword)),
        ["GetRandomPassword(defaults)"] = new(
            c => c.GetRandomPasswordAsync(new GetRandomPasswordRequest()),
            "{}",
            "{\"RandomPassword\":\"x\"}",
            r => Assert.Equal("x", ((GetRandomPasswordResponse)r).RandomPassword)),
        ["TagResource"] = new(
            c => c.TagResourceAsync(new TagResourceRequest { SecretId = "app/db", Tags = new List<Tag> { new("k1", "v1"), new("k2", "v2") } }),
            "{\"SecretId\":\"app/db\",\"Tags\":[{\"Key\":\"k1\",\"Value\":\"v1\"},{\"Key\":\"k2\",\"Value\":\"v2\"}]}",
            "{}",
            r => Assert.Equal(200, r.HttpStatusCode)),
        ["UntagResource"] = new(
            c => c.UntagResourceAsync(new UntagResourceRequest { SecretId = "app/db", TagKeys = new List<string> { "k1", "k2" } }),
            "{\"SecretId\":\"app/db\",\"TagKeys\":[\"k1\",\"k2\"]}",
            "{}",
            r => Assert.Equal(200, r.HttpStatusCode)),
    };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in s_cases.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Every_operation_of_the_client_interface_has_a_wire_case()
    {
        var operations = typeof(ISecretsManagerClient).GetMethods()
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal))
            .Select(m => m.Name.Substring(0, m.Name.Length - "Async".Length))
            .ToList();
        Assert.Equal(14, operations.Count);
        foreach (var operation in operations)
        {
            Assert.Contains(operation, s_cases.Keys);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Operation_is_a_signed_awsJson_call_with_the_expected_body(string name)
    {
        var operation = name.Split('(')[0];
        var testCase = s_cases[name];
        using var server = new LoopbackServer(_ => new CannedResponse
        {
            Body = testCase.ResponseBody,
            Headers = TestClients.Headers(("x-amzn-RequestId", "req-" + operation)),
        });
        using var client = TestClients.For(server, region: "eu-central-1");

        var task = testCase.Call(client);
        await task;
        var response = (SecretsManagerResponse)task.GetType().GetProperty("Result")!.GetValue(task)!;

        var request = Assert.Single(server.Requests);
        TestClients.AssertSignedJsonCall(request, operation, "eu-central-1");
        TestClients.AssertJsonEquivalent(testCase.ExpectedBody, request.Json());
        Assert.DoesNotContain("null", request.BodyText, StringComparison.Ordinal);
        Assert.Equal("req-" + operation, response.RequestId);
        Assert.Equal(200, response.HttpStatusCode);
        testCase.Check(response);
    }

    [Theory]
    [InlineData("CreateSecret")]
    [InlineData("UpdateSecret")]
    [InlineData("PutSecretValue")]
    public async Task Missing_ClientRequestToken_is_filled_with_a_new_uuid(string operation)
    {
        using var server = new LoopbackServer(_ => CannedResponse.Json("{}"));
        using var client = TestClients.For(server);

        for (var i = 0; i < 2; i++)
        {
            _ = operation switch
            {
                "CreateSecret" => (SecretsManagerResponse)await client.CreateSecretAsync(new CreateSecretRequest { Name = "n", SecretString = "v" }),
                "UpdateSecret" => await client.UpdateSecretAsync(new UpdateSecretRequest { SecretId = "n", SecretString = "v" }),
                _ => await client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = "n", SecretString = "v" }),
            };
        }

        var tokens = server.Requests.Select(r => r.Json().GetProperty("ClientRequestToken").GetString()!).ToList();
        Assert.Equal(2, tokens.Count);
        foreach (var token in tokens)
        {
            Assert.True(Guid.TryParseExact(token, "D", out _), $"'{token}' is not a UUID");
            Assert.InRange(token.Length, 32, 64);
        }

        Assert.NotEqual(tokens[0], tokens[1]);
    }

    [Fact]
    public async Task Caller_supplied_ClientRequestToken_is_sent_unchanged()
    {
        using var server = new LoopbackServer(_ => CannedResponse.Json("{}"));
        using var client = TestClients.For(server);
        await client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = "n", SecretString = "v", ClientRequestToken = "caller-token-0123456789abcdef0123" });
        Assert.Equal("caller-token-0123456789abcdef0123", Assert.Single(server.Requests).Json().GetProperty("ClientRequestToken").GetString());
    }

    [Fact]
    public async Task Reusing_one_request_object_for_two_calls_gets_two_tokens()
    {
        // Two calls are two logical operations; only automatic retries of one call may share a token.
        using var server = new LoopbackServer(_ => CannedResponse.Json("{}"));
        using var client = TestClients.For(server);
        var request = new PutSecretValueRequest { SecretId = "n", SecretString = "v" };
        await client.PutSecretValueAsync(request);
        await client.PutSecretValueAsync(request);

        var tokens = server.Requests.Select(r => r.Json().GetProperty("ClientRequestToken").GetString()).ToList();
        Assert.NotEqual(tokens[0], tokens[1]);
        Assert.Null(request.ClientRequestToken);
    }

    [Fact]
    public async Task Session_token_is_sent_and_signed()
    {
        using var server = new LoopbackServer(_ => CannedResponse.Json("{\"RandomPassword\":\"x\"}"));
        using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
        {
            Region = "us-west-2",
            EndpointUrl = server.Url,
            AccessKeyId = TestClients.AccessKeyId,
            SecretAccessKey = TestClients.SecretAccessKey,
            SessionToken = "session/token==",
            MaxErrorRetry = 0,
        });
        await client.GetRandomPasswordAsync(new GetRandomPasswordRequest());
        var request = Assert.Single(server.Requests);
        Assert.Equal("session/token==", request.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", SigV4Verifier.Parse(request.Header("Authorization")).SignedHeaders);
        TestClients.AssertSignedJsonCall(request, "GetRandomPassword", "us-west-2");
    }

    [Fact]
    public void Client_reports_its_signing_region_and_endpoint()
    {
        using var server = new LoopbackServer(_ => CannedResponse.Json("{}"));
        using var client = TestClients.For(server, region: "ap-southeast-2");
        Assert.Equal("ap-southeast-2", client.Region);
        Assert.StartsWith(server.Url, client.EndpointDescription, StringComparison.Ordinal);
    }

    /// <summary>One operation's call (returning its Task&lt;XResponse&gt;), expected body, canned response and checks.</summary>
    public sealed record OperationCase(Func<ISecretsManagerClient, Task> Call, string ExpectedBody, string ResponseBody, Action<SecretsManagerResponse> Check);
}
