using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using SecretsPS.Client.Tests.Infrastructure;
using Xunit;

namespace SecretsPS.Client.Tests.Infrastructure;

/// <summary>Clients and assertions shared by the loopback tests.</summary>
public static class TestClients
{
    public const string AccessKeyId = "AKIDLOOPBACKTEST";
    public const string SecretAccessKey = "loopback/secret+key";

    public static ISecretsManagerClient For(LoopbackServer server, string region = "us-east-1", int? maxErrorRetry = 0, TimeSpan? timeout = null)
        => SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
        {
            Region = region,
            EndpointUrl = server.Url,
            AccessKeyId = AccessKeyId,
            SecretAccessKey = SecretAccessKey,
            MaxErrorRetry = maxErrorRetry,
            Timeout = timeout,
        });

    /// <summary>Asserts the request is an awsJson1.1 call of <paramref name="operation"/> with a valid SigV4 signature.</summary>
    public static void AssertSignedJsonCall(RecordedRequest request, string operation, string region = "us-east-1")
    {
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Target);
        Assert.Equal("secretsmanager." + operation, request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
        Assert.Equal("2017-10-17", request.Header("X-Amz-Api-Version"));

        var auth = SigV4Verifier.Parse(request.Header("Authorization"));
        Assert.Equal(AccessKeyId, auth.AccessKeyId);
        Assert.Equal(region, auth.Region);
        Assert.Equal("secretsmanager", auth.Service);
        Assert.Equal("aws4_request", auth.Terminator);
        foreach (var required in new[] { "content-type", "host", "x-amz-date", "x-amz-target" })
        {
            Assert.Contains(required, auth.SignedHeaders);
        }

        Assert.Equal(auth.SignedHeaders.OrderBy(h => h, StringComparer.Ordinal), auth.SignedHeaders);
        var amzDate = SigV4Verifier.ParseAmzDate(request.Header("X-Amz-Date")!);
        Assert.Equal(amzDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), auth.Date);
        Assert.InRange(amzDate, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
        if (request.Header("X-Amz-Content-SHA256") is { } payloadHash)
        {
            Assert.Equal(SigV4Verifier.Hex(System.Security.Cryptography.SHA256.HashData(request.Body)), payloadHash);
        }

        Assert.Equal(SigV4Verifier.ExpectedSignature(request, SecretAccessKey), auth.Signature);
    }

    /// <summary>Compares two JSON documents ignoring member order.</summary>
    public static void AssertJsonEquivalent(string expected, JsonElement actual)
    {
        using var document = JsonDocument.Parse(expected);
        Assert.Equal(Canonical(document.RootElement), Canonical(actual));
    }

    public static string Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Name) + ":" + Canonical(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
        // Strings compare by value: the writer may escape characters ("\u0022") that the expectation writes plainly.
        JsonValueKind.String => JsonSerializer.Serialize(element.GetString()),
        _ => element.GetRawText(),
    };

    public static Dictionary<string, string> Headers(params (string Name, string Value)[] headers)
        => headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
}
