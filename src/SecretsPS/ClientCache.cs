using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using SecretsPS.Client;

namespace SecretsPS;

/// <summary>
/// One client per distinct (region, profile, endpoint, credential) per process, so connections and resolved
/// credentials are reused across commands. The key holds the access key id and a hash of the secret parts, never
/// the secrets. Clients built from the SDK's default chains also key on the AWS_* variables those chains read, so
/// changing $env:AWS_REGION or $env:AWS_PROFILE in a session takes effect. At most <see cref="MaxClients"/> are kept
/// (a runbook cycling through many temporary credentials would otherwise hold one per credential forever); the oldest
/// is dropped, not disposed, since a command in another runspace may still be using it.
/// </summary>
internal static class ClientCache
{
    private static readonly object s_lock = new();
    private const int MaxClients = 32;
    private static readonly Dictionary<string, ISecretsManagerClient> s_clients = new(StringComparer.Ordinal);
    private static readonly Queue<string> s_insertionOrder = new();

    private static readonly string[] s_environmentNames =
    {
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ACCESS_KEY_ID",
        "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "AWS_CONFIG_FILE",
        "AWS_SHARED_CREDENTIALS_FILE",
    };

    /// <exception cref="SecretsManagerConfigurationException">The client cannot be built; nothing is cached.</exception>
    public static ISecretsManagerClient Get(SecretsManagerClientOptions options)
    {
        var key = Key(options);
        lock (s_lock)
        {
            if (!s_clients.TryGetValue(key, out var client))
            {
                client = SecretsManagerClientFactory.Create(options);
                if (s_clients.Count >= MaxClients)
                {
                    s_clients.Remove(s_insertionOrder.Dequeue());
                }

                s_clients[key] = client;
                s_insertionOrder.Enqueue(key);
            }

            return client;
        }
    }

    private static string Key(SecretsManagerClientOptions options)
    {
        var builder = new StringBuilder();
        Append(builder, options.Region);
        Append(builder, options.ProfileName);
        Append(builder, options.EndpointUrl);
        Append(builder, options.AccessKeyId);
        Append(builder, Hash(options.SecretAccessKey, options.SessionToken));
        foreach (var name in s_environmentNames)
        {
            Append(builder, Environment.GetEnvironmentVariable(name));
        }

        Append(builder, Hash(Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"), Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN")));
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string? value)
    {
        // Length-prefixed, so no value can forge a separator.
        builder.Append(value?.Length ?? -1).Append(':').Append(value).Append('|');
    }

    private static string? Hash(string? secret, string? sessionToken)
    {
        if (secret is null && sessionToken is null)
        {
            return null;
        }

        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes($"{secret?.Length}:{secret}|{sessionToken}"));
        var hex = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
