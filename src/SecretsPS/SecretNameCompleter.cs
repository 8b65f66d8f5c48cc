using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using System.Runtime.CompilerServices;
using System.Threading;
using SecretsPS.Client;
using SecretsPS.Client.Model;

namespace SecretsPS;

/// <summary>
/// Tab completion of secret names from ListSecrets. Names are cached for a short while per client (so per region,
/// profile, endpoint, credentials and the AWS_* environment the client was built from), so repeated Tab presses do
/// not page through the account again. Completion never fails visibly: any problem (no credentials, no network)
/// just yields no suggestions, and is remembered briefly so the next Tab does not wait for the time-out again.
/// </summary>
public sealed class SecretNameCompleter : IArgumentCompleter
{
    private const int MaxNames = 1000;
    private static readonly TimeSpan s_cacheLifetime = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_failureLifetime = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);
    private static readonly Regex s_bareWord = new(@"^[A-Za-z0-9/_.-]+$", RegexOptions.CultureInvariant);
    private static readonly object s_lock = new();
    private static readonly Dictionary<string, CacheEntry> s_cache = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<ISecretsManagerClient, CacheEntry> s_clientCache = new();

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
        var names = GetNames(
            Bound(fakeBoundParameters, "Region"),
            Bound(fakeBoundParameters, "ProfileName"),
            Bound(fakeBoundParameters, "EndpointUrl"));
        return names
            .Where(n => n.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Select(n => new CompletionResult(s_bareWord.IsMatch(n) ? n : $"'{n}'", n, CompletionResultType.ParameterValue, n))
            .ToList();
    }

    private static string? Bound(IDictionary? parameters, string name)
    {
        return parameters is not null && parameters.Contains(name) ? LanguagePrimitives.ConvertTo<string>(parameters[name]) : null;
    }

    private static IReadOnlyList<string> GetNames(string? region, string? profile, string? endpoint)
    {
        var optionsKey = $"{region}|{profile}|{endpoint}";
        lock (s_lock)
        {
            if (s_cache.TryGetValue(optionsKey, out var failed) && failed.IsFresh)
            {
                return failed.Names;
            }
        }

        ISecretsManagerClient client;
        try
        {
            client = ClientCache.Get(new SecretsManagerClientOptions { Region = region, ProfileName = profile, EndpointUrl = endpoint });
        }
#pragma warning disable CA1031 // Completion must never throw into the user's prompt.
        catch (Exception)
#pragma warning restore CA1031
        {
            return Remember(optionsKey, null, Array.Empty<string>(), s_failureLifetime);
        }

        lock (s_lock)
        {
            if (s_clientCache.TryGetValue(client, out var cached) && cached.IsFresh)
            {
                return cached.Names;
            }
        }

        var names = new List<string>();
        var lifetime = s_cacheLifetime;
        try
        {
            using var timeout = new CancellationTokenSource(s_timeout);
            var paginator = client.ListSecretsPages(new ListSecretsRequest { MaxResults = 100 });
            while (names.Count < MaxNames)
            {
                var page = paginator.NextPageAsync(timeout.Token).GetAwaiter().GetResult();
                if (page is null)
                {
                    break;
                }

                names.AddRange((page.SecretList ?? new List<SecretListEntry>()).Select(e => e.Name).OfType<string>());
            }
        }
#pragma warning disable CA1031 // Completion must never throw into the user's prompt.
        catch (Exception)
#pragma warning restore CA1031
        {
            lifetime = s_failureLifetime;
        }

        names.Sort(StringComparer.OrdinalIgnoreCase);
        return Remember(optionsKey, client, names, lifetime);
    }

    private static IReadOnlyList<string> Remember(string optionsKey, ISecretsManagerClient? client, IReadOnlyList<string> names, TimeSpan lifetime)
    {
        lock (s_lock)
        {
            // A client that cannot be built is remembered by its options; a working one by the client itself.
            if (client is null)
            {
                s_cache[optionsKey] = new CacheEntry(names, DateTime.UtcNow + lifetime);
            }
            else
            {
                s_cache.Remove(optionsKey);
                s_clientCache.Remove(client);
                s_clientCache.Add(client, new CacheEntry(names, DateTime.UtcNow + lifetime));
            }
        }

        return names;
    }

    private sealed class CacheEntry
    {
        public CacheEntry(IReadOnlyList<string> names, DateTime expires)
        {
            Names = names;
            Expires = expires;
        }

        public IReadOnlyList<string> Names { get; }

        public DateTime Expires { get; }

        public bool IsFresh => DateTime.UtcNow < Expires;
    }
}
