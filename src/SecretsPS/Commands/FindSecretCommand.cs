using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using SecretsPS.Client;
using SecretsPS.Client.Model;

namespace SecretsPS.Commands;

/// <summary>
/// Find-Secret: an exact name or ARN is looked up with DescribeSecret; a wildcard pattern, or no name, walks
/// ListSecrets page by page, narrowed on the service by the pattern's literal prefix and tag keys, then matched
/// locally. Results stream as each page arrives.
/// </summary>
[Cmdlet(
    VerbsCommon.Find,
    "Secret",
    HelpUri = "https://github.com/secretsps/SecretsPS/blob/main/docs/en-US/Find-Secret.md")]
[OutputType(typeof(SecretInfo))]
public sealed class FindSecretCommand : SecretsManagerCmdletBase
{
    private const string ListAction = "List secrets matching";

    // Values the ListSecrets filter accepts; a leading '!' would negate, so such keys are matched locally only.
    private static readonly Regex s_filterValue = new(@"^[a-zA-Z0-9 :_@/+=.-]+$", RegexOptions.CultureInvariant);

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private List<KeyValuePair<string, WildcardPattern>>? _tagFilters;
    private WildcardPattern? _descriptionPattern;

    /// <summary>Names, ARNs or wildcard patterns (e.g. app/*). Case-sensitive, like secret names.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(SecretNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Tags the secret must carry: each key exactly, each value as a case-sensitive wildcard pattern.</summary>
    [Parameter]
    [ValidateNotNull]
    public Hashtable? Tag { get; set; }

    /// <summary>A wildcard pattern the whole description must match (case-insensitive), e.g. '*database*'.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNull]
    public string? Description { get; set; }

    /// <summary>Also list secrets that are scheduled for deletion.</summary>
    [Parameter]
    public SwitchParameter IncludePlannedDeletion { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        if (Tag is not null)
        {
            var error = InputValidation.Tags(Tag, nameof(Tag));
            if (error is not null)
            {
                ThrowTerminatingError(error);
            }

            _tagFilters = new List<KeyValuePair<string, WildcardPattern>>();
            foreach (DictionaryEntry entry in Tag)
            {
                var patternError = InputValidation.Wildcard(InputValidation.TagValue(entry.Value), nameof(Tag), WildcardOptions.None, out var valuePattern);
                if (patternError is not null)
                {
                    ThrowTerminatingError(patternError);
                }

                _tagFilters.Add(new KeyValuePair<string, WildcardPattern>(InputValidation.TagValue(entry.Key), valuePattern!));
            }
        }

        if (Description is not null)
        {
            var patternError = InputValidation.Wildcard(Description, nameof(Description), WildcardOptions.IgnoreCase, out _descriptionPattern);
            if (patternError is not null)
            {
                ThrowTerminatingError(patternError);
            }
        }
    }

    protected override void ProcessRecord()
    {
        if (Name is null || Name.Length == 0)
        {
            List(null);
            return;
        }

        foreach (var name in Name)
        {
            if (WildcardPattern.ContainsWildcardCharacters(name))
            {
                List(name);
            }
            else
            {
                Describe(name);
            }
        }
    }

    private void Describe(string id)
    {
        var error = InputValidation.SecretId(id, nameof(Name));
        if (error is not null)
        {
            WriteError(error);
            return;
        }

        WriteVerbose($"Describing secret '{id}'.");
        var response = TryInvoke("Find secret", id, (c, ct) => c.DescribeSecretAsync(new DescribeSecretRequest { SecretId = id }, ct));
        if (response is not null)
        {
            Emit(new SecretInfo(response));
        }
    }

    private void List(string? pattern)
    {
        var filters = new List<Filter>();
        WildcardPattern? namePattern = null;
        if (pattern is not null)
        {
            var patternError = InputValidation.Wildcard(pattern, nameof(Name), WildcardOptions.None, out namePattern);
            if (patternError is not null)
            {
                WriteError(patternError);
                return;
            }

            var prefix = LiteralPrefix(pattern);
            if (prefix.Length > 0 && s_filterValue.IsMatch(prefix) && !prefix.StartsWith("!", StringComparison.Ordinal))
            {
                filters.Add(new Filter("name", prefix));
            }
        }

        foreach (var tag in _tagFilters ?? Enumerable.Empty<KeyValuePair<string, WildcardPattern>>())
        {
            if (filters.Count < 10 && s_filterValue.IsMatch(tag.Key))
            {
                filters.Add(new Filter("tag-key", tag.Key));
            }
        }

        var request = new ListSecretsRequest
        {
            Filters = filters.Count > 0 ? filters : null,
            IncludePlannedDeletion = IncludePlannedDeletion ? true : null,
        };
        var what = pattern ?? "*";
        WriteVerbose(filters.Count == 0
            ? $"Listing secrets matching '{what}'."
            : $"Listing secrets matching '{what}' with service filters {string.Join(", ", filters.Select(f => $"{f.Key}={string.Join("|", f.Values ?? new List<string>())}"))}.");

        var paginator = Client.ListSecretsPages(request);
        while (TryNextPage(paginator, ListAction, what, out var page) && page is not null)
        {
            foreach (var entry in page.SecretList ?? new List<SecretListEntry>())
            {
                if (namePattern is null || (entry.Name is not null && namePattern.IsMatch(entry.Name)))
                {
                    Emit(new SecretInfo(entry));
                }
            }
        }
    }

    private void Emit(SecretInfo info)
    {
        if (_tagFilters is not null)
        {
            foreach (var tag in _tagFilters)
            {
                if (!info.Tags.ContainsKey(tag.Key) || !tag.Value.IsMatch(info.Tags[tag.Key] as string ?? string.Empty))
                {
                    return;
                }
            }
        }

        if (_descriptionPattern is not null && !_descriptionPattern.IsMatch(info.Description ?? string.Empty))
        {
            return;
        }

        // Several patterns may match one secret: emit it once.
        if (_seen.Add(string.IsNullOrEmpty(info.ARN) ? info.Name : info.ARN))
        {
            WriteObject(info);
        }
    }

    private static string LiteralPrefix(string pattern)
    {
        var end = pattern.IndexOfAny(new[] { '*', '?', '[', '`' });
        return end < 0 ? pattern : pattern.Substring(0, end);
    }
}
