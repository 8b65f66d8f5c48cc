using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SecretsPS.Client.Model;
using SecretsPS.Client.Tests.Infrastructure;
using Xunit;

namespace SecretsPS.Client.Tests;

/// <summary>The SDK's retry loop around our marshalling, and time-outs and cancellation surfacing as BCL exceptions.</summary>
public sealed class RetryTimeoutCancellationTests
{
    private const string Ok = "{\"ARN\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:n-AbCdEf\",\"Name\":\"n\",\"VersionId\":\"v\"}";

    [Theory]
    [InlineData("CreateSecret", 503, "{\"__type\":\"ServiceUnavailable\",\"message\":\"try later\"}")]
    [InlineData("PutSecretValue", 503, "")]
    [InlineData("UpdateSecret", 500, "{\"__type\":\"InternalServiceError\",\"Message\":\"boom\"}")]
    [InlineData("CreateSecret", 400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")]
    [InlineData("PutSecretValue", 400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")]
    public async Task Retries_resend_the_same_ClientRequestToken(string operation, int failureStatus, string failureBody)
    {
        using var server = new LoopbackServer((_, n) => n <= 2
            ? new CannedResponse { Status = failureStatus, Body = failureBody }
            : CannedResponse.Json(Ok));
        using var client = TestClients.For(server, maxErrorRetry: 3);

        SecretsManagerResponse response = operation switch
        {
            "CreateSecret" => await client.CreateSecretAsync(new CreateSecretRequest { Name = "n", SecretString = "v" }),
            "UpdateSecret" => await client.UpdateSecretAsync(new UpdateSecretRequest { SecretId = "n", SecretString = "v" }),
            _ => await client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = "n", SecretString = "v" }),
        };

        Assert.Equal(200, response.HttpStatusCode);
        var requests = server.Requests;
        Assert.Equal(3, requests.Count);
        var tokens = requests.Select(r => r.Json().GetProperty("ClientRequestToken").GetString()).Distinct().ToList();
        var token = Assert.Single(tokens);
        Assert.True(Guid.TryParse(token, out _));
        Assert.Single(requests.Select(r => r.BodyText).Distinct());
        // Each attempt is signed afresh and validly; the SDK keeps one invocation id across attempts.
        Assert.All(requests, r => TestClients.AssertSignedJsonCall(r, operation));
        Assert.Single(requests.Select(r => r.Header("amz-sdk-invocation-id")).Distinct());
    }

    [Fact]
    public async Task Persistent_5xx_fails_after_the_configured_attempts()
    {
        using var server = new LoopbackServer(_ => new CannedResponse { Status = 500, Body = "{\"__type\":\"InternalServiceError\",\"Message\":\"boom\"}", Headers = TestClients.Headers(("x-amzn-RequestId", "rid-500")) });
        using var client = TestClients.For(server, maxErrorRetry: 2);
        var error = await Assert.ThrowsAsync<InternalServiceErrorException>(() => client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "n" }));
        Assert.Equal(3, server.RequestCount);
        Assert.Equal(500, error.StatusCode);
        Assert.Equal("rid-500", error.RequestId);
        Assert.Equal("GetSecretValue", error.Operation);
    }

    [Fact]
    public async Task Persistent_throttling_surfaces_as_ThrottlingException()
    {
        using var server = new LoopbackServer(_ => new CannedResponse { Status = 400, Body = "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}" });
        using var client = TestClients.For(server, maxErrorRetry: 1);
        var error = await Assert.ThrowsAsync<ThrottlingException>(() => client.ListSecretsAsync(new ListSecretsRequest()));
        Assert.Equal(2, server.RequestCount);
        Assert.Equal("ThrottlingException", error.ErrorCode);
    }

    [Fact]
    public async Task Clock_skew_error_is_corrected_and_retried_with_a_shifted_signing_time()
    {
        // The server's clock is an hour ahead and rejects the first signature as expired.
        var serverNow = DateTime.UtcNow.AddHours(1);
        using var server = new LoopbackServer((_, n) => n == 1
            ? new CannedResponse
            {
                Status = 400,
                Body = "{\"__type\":\"InvalidSignatureException\",\"message\":\"Signature expired: 20260101T000000Z is now earlier than 20260101T010000Z (20260101T010500Z - 5 min.)\"}",
                Headers = TestClients.Headers(("Date", serverNow.ToString("r", System.Globalization.CultureInfo.InvariantCulture))),
            }
            : CannedResponse.Json("{\"RandomPassword\":\"x\"}"));
        using var client = TestClients.For(server, maxErrorRetry: 2);

        var response = await client.GetRandomPasswordAsync(new GetRandomPasswordRequest());

        Assert.Equal("x", response.RandomPassword);
        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        var first = SigV4Verifier.ParseAmzDate(requests[0].Header("X-Amz-Date")!);
        var second = SigV4Verifier.ParseAmzDate(requests[1].Header("X-Amz-Date")!);
        Assert.InRange(second - first, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(65));
        Assert.Equal(SigV4Verifier.ExpectedSignature(requests[1], TestClients.SecretAccessKey), SigV4Verifier.Parse(requests[1].Header("Authorization")).Signature);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    public async Task Silent_server_times_out_with_TimeoutException_in_bounded_time(int maxErrorRetry, int expectedAttempts)
    {
        using var server = new LoopbackServer(_ => CannedResponse.SilentResponse);
        using var client = TestClients.For(server, maxErrorRetry: maxErrorRetry, timeout: TimeSpan.FromSeconds(1));

        var stopwatch = Stopwatch.StartNew();
        var exception = await Record.ExceptionAsync(() => client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "n" }));
        stopwatch.Stop();

        Assert.NotNull(exception);
        Assert.True(exception is TimeoutException, $"Expected TimeoutException, got {exception!.GetType().FullName}: {exception.Message}");
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(0.9 * expectedAttempts), TimeSpan.FromSeconds(3 + (2.5 * expectedAttempts)));
        // Under load Core occasionally adds one stale-connection retry on top of MaxErrorRetry; what matters is
        // that the number of attempts stays bounded by the configuration.
        Assert.InRange(server.RequestCount, expectedAttempts, expectedAttempts + 1);
    }

    [Fact]
    public async Task Cancellation_stops_a_pending_call_promptly()
    {
        using var server = new LoopbackServer(_ => CannedResponse.SilentResponse);
        using var client = TestClients.For(server, maxErrorRetry: 2, timeout: TimeSpan.FromSeconds(30));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var stopwatch = Stopwatch.StartNew();
        var exception = await Record.ExceptionAsync(() => client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "n" }, cts.Token));
        stopwatch.Stop();

        Assert.IsAssignableFrom<OperationCanceledException>(exception);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"cancellation took {stopwatch.Elapsed}");
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Already_cancelled_token_throws_OperationCanceledException()
    {
        using var server = new LoopbackServer(_ => CannedResponse.Json("{}"));
        using var client = TestClients.For(server);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = "n" }, cts.Token));
    }

    [Fact]
    public async Task Connection_refused_surfaces_as_a_network_exception()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = "http://127.0.0.1:" + port,
            AccessKeyId = TestClients.AccessKeyId,
            SecretAccessKey = TestClients.SecretAccessKey,
            MaxErrorRetry = 0,
        });
        var exception = await Record.ExceptionAsync(() => client.GetRandomPasswordAsync(new GetRandomPasswordRequest()));
        Assert.NotNull(exception);
        var chain = exception!;
        var found = false;
        for (var current = (Exception?)exception; current is not null; current = current.InnerException)
        {
            found |= current is System.Net.Http.HttpRequestException or System.IO.IOException or System.Net.Sockets.SocketException;
        }

        Assert.True(found, $"Expected a network exception (possibly inner), got {chain.GetType().FullName}: {chain.Message}");
        Assert.IsNotType<NullReferenceException>(exception);
    }
}
