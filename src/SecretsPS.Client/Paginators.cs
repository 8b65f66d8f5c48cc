using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SecretsPS.Client.Model;

namespace SecretsPS.Client;

/// <summary>
/// Walks a paged operation one page at a time until the service stops returning a NextToken. Pages may be short
/// or empty while a NextToken is still present, so only a missing token ends the walk. The caller decides when to
/// ask for the next page (a cmdlet writes each page before fetching the next).
/// </summary>
/// <typeparam name="TResponse">The page type.</typeparam>
public sealed class Paginator<TResponse>
    where TResponse : class
{
    private readonly Func<string?, CancellationToken, Task<TResponse>> _fetch;
    private readonly Func<TResponse, string?> _nextToken;
    private string? _token;
    private bool _finished;

    internal Paginator(string? firstToken, Func<string?, CancellationToken, Task<TResponse>> fetch, Func<TResponse, string?> nextToken)
    {
        _token = firstToken;
        _fetch = fetch;
        _nextToken = nextToken;
    }

    /// <summary>True once the last page has been returned.</summary>
    public bool IsFinished => _finished;

    /// <summary>Fetches the next page, or returns null when there are no more.</summary>
    public async Task<TResponse?> NextPageAsync(CancellationToken cancellationToken = default)
    {
        if (_finished)
        {
            return null;
        }

        var page = await _fetch(_token, cancellationToken).ConfigureAwait(false);
        var next = _nextToken(page);
        // moto sends "" instead of omitting the token on the last page.
        if (string.IsNullOrEmpty(next))
        {
            _finished = true;
        }
        else if (string.Equals(next, _token, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The service returned the same NextToken twice; stopping to avoid an endless loop.");
        }

        _token = next;
        return page;
    }

    /// <summary>Fetches every remaining page.</summary>
    public async Task<List<TResponse>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var pages = new List<TResponse>();
        TResponse? page;
        while ((page = await NextPageAsync(cancellationToken).ConfigureAwait(false)) is not null)
        {
            pages.Add(page);
        }

        return pages;
    }
}

/// <summary>Pagination helpers for the paged Secrets Manager operations.</summary>
public static class SecretsManagerPaginators
{
    /// <summary>Pages through ListSecrets. The request's own NextToken, if any, is the starting point.</summary>
    public static Paginator<ListSecretsResponse> ListSecretsPages(this ISecretsManagerClient client, ListSecretsRequest request)
    {
        Guard.NotNull(client, nameof(client));
        Guard.NotNull(request, nameof(request));
        return new Paginator<ListSecretsResponse>(
            request.NextToken,
            (token, ct) => client.ListSecretsAsync(request.WithNextToken(token), ct),
            page => page.NextToken);
    }

    /// <summary>Pages through ListSecretVersionIds.</summary>
    public static Paginator<ListSecretVersionIdsResponse> ListSecretVersionIdsPages(this ISecretsManagerClient client, ListSecretVersionIdsRequest request)
    {
        Guard.NotNull(client, nameof(client));
        Guard.NotNull(request, nameof(request));
        return new Paginator<ListSecretVersionIdsResponse>(
            request.NextToken,
            (token, ct) => client.ListSecretVersionIdsAsync(request.WithNextToken(token), ct),
            page => page.NextToken);
    }

    /// <summary>Pages through BatchGetSecretValue with Filters (a SecretIdList call has a single page).</summary>
    public static Paginator<BatchGetSecretValueResponse> BatchGetSecretValuePages(this ISecretsManagerClient client, BatchGetSecretValueRequest request)
    {
        Guard.NotNull(client, nameof(client));
        Guard.NotNull(request, nameof(request));
        return new Paginator<BatchGetSecretValueResponse>(
            request.NextToken,
            (token, ct) => client.BatchGetSecretValueAsync(request.WithNextToken(token), ct),
            page => page.NextToken);
    }
}
