using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using System.Threading;
using SecretsPS.Client;
using SecretsPS.Client.Model;

namespace SecretsPS;

/// <summary>
/// Tab completion of secret names from ListSecrets. Names are cached for a short while per region, profile and
/// endpoint, so repeated Tab presses do not page through the account again. Completion never fails visibly: any
/// problem (no credentials, no network) just yields no suggestions.
/// </summary>
public sealed class SecretNameCompleter : IArgumentCompleter
{
    private const int MaxNames = 1000;
    private static readonly TimeSpan s_cacheLifetime = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);
    private static readonly Regex s_bareWord = new(@"^[A-Za-z0-9/_.-]+$", RegexOptions.CultureInvariant);
    private static readonly object s_lock = new();
    private static readonly Dictionary<string, CacheEntry> s_cache = new(StringComparer.Ordinal);

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
        var key = $"{region}|{profile}|{endpoint}";
        lock (s_lock)
        {
            if (s_cache.TryGetValue(key, out var cached) && DateTime.UtcNow - cached.Fetched < s_cacheLifetime)
            {
                return cached.Names;
            }
        }

        var names = new List<string>();
        try
        {
            var client = ClientCache.Get(new SecretsManagerClientOptions { Region = region, ProfileName = profile, EndpointUrl = endpoint });
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
            return names;
        }

        names.Sort(StringComparer.OrdinalIgnoreCase);
        lock (s_lock)
        {
            s_cache[key] = new CacheEntry(names, DateTime.UtcNow);
        }

        return names;
    }

    private sealed class CacheEntry
    {
        public CacheEntry(IReadOnlyList<string> names, DateTime fetched)
        {
            Names = names;
            Fetched = fetched;
        }

        public IReadOnlyList<string> Names { get; }

        public DateTime Fetched { get; }
    }
}
