using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace SecretsPS.Client.Tests.Infrastructure;

/// <summary>The parts of an AWS4-HMAC-SHA256 Authorization header.</summary>
public sealed record SigV4Authorization(string AccessKeyId, string Date, string Region, string Service, string Terminator, IReadOnlyList<string> SignedHeaders, string Signature);

/// <summary>
/// Recomputes a SigV4 signature from the request as received, independently of the SDK: canonical request,
/// string to sign and the HMAC-SHA256 key chain are built here with System.Security.Cryptography only.
/// </summary>
public static class SigV4Verifier
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    public static SigV4Authorization Parse(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            throw new FormatException($"Not a SigV4 Authorization header: '{authorization}'.");
        }

        var fields = authorization.Substring(Algorithm.Length + 1)
            .Split(',')
            .Select(part => part.Trim().Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        var scope = fields["Credential"].Split('/');
        if (scope.Length != 5)
        {
            throw new FormatException($"Credential scope '{fields["Credential"]}' does not have five parts.");
        }

        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], scope[4], fields["SignedHeaders"].Split(';'), fields["Signature"]);
    }

    /// <summary>The signature the request should carry if signed with <paramref name="secretAccessKey"/>.</summary>
    public static string ExpectedSignature(RecordedRequest request, string secretAccessKey)
    {
        var auth = Parse(request.Header("Authorization"));
        var amzDate = request.Header("X-Amz-Date") ?? throw new FormatException("X-Amz-Date is missing.");
        var canonicalRequest = CanonicalRequest(request, auth.SignedHeaders);
        var scope = $"{auth.Date}/{auth.Region}/{auth.Service}/{auth.Terminator}";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), auth.Date);
        key = Hmac(key, auth.Region);
        key = Hmac(key, auth.Service);
        key = Hmac(key, auth.Terminator);
        return Hex(Hmac(key, stringToSign));
    }

    public static string CanonicalRequest(RecordedRequest request, IReadOnlyList<string> signedHeaders)
    {
        var target = request.Target;
        var query = string.Empty;
        var q = target.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            query = CanonicalQuery(target.Substring(q + 1));
            target = target.Substring(0, q);
        }

        var builder = new StringBuilder();
        builder.Append(request.Method).Append('\n');
        builder.Append(target).Append('\n');
        builder.Append(query).Append('\n');
        foreach (var name in signedHeaders)
        {
            var values = request.Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => CollapseSpaces(h.Value.Trim()));
            builder.Append(name).Append(':').Append(string.Join(",", values)).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(";", signedHeaders)).Append('\n');
        builder.Append(Hex(SHA256.HashData(request.Body)));
        return builder.ToString();
    }

    public static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    private static string CanonicalQuery(string query)
    {
        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (p[0], p.Length > 1 ? p[1] : string.Empty))
            .OrderBy(p => p.Item1, StringComparer.Ordinal)
            .ThenBy(p => p.Item2, StringComparer.Ordinal);
        return string.Join("&", pairs.Select(p => p.Item1 + "=" + p.Item2));
    }

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        var previousSpace = false;
        foreach (var c in value)
        {
            if (c == ' ')
            {
                if (!previousSpace)
                {
                    builder.Append(c);
                }

                previousSpace = true;
            }
            else
            {
                builder.Append(c);
                previousSpace = false;
            }
        }

        return builder.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    /// <summary>X-Amz-Date as a UTC time.</summary>
    public static DateTime ParseAmzDate(string value)
        => DateTime.ParseExact(value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
