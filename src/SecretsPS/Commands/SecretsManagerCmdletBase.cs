using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Management.Automation;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using SecretsPS.Client;

namespace SecretsPS.Commands;

/// <summary>
/// What every SecretsPS cmdlet shares: the AWS connection parameters (declared statically so help and tab completion
/// show them), the cached client, Ctrl+C cancellation, and the one place that blocks on a request.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class SecretsManagerCmdletBase : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private ISecretsManagerClient? _client;
    private bool _disposed;

    /// <summary>The AWS region, e.g. us-east-1. Default: AWS_REGION, then the profile's region.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    /// <summary>A named profile from ~/.aws/config and ~/.aws/credentials. Default: AWS_PROFILE, then 'default'.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ProfileName { get; set; }

    /// <summary>A custom endpoint, e.g. a local emulator.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndpointUrl { get; set; }

    /// <summary>User name = access key id, password = secret access key.</summary>
    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>The session token of temporary credentials given with -Credential.</summary>
    [Parameter]
    [ValidateNotNull]
    public SecureString? SessionToken { get; set; }

    /// <summary>Cancelled when the user presses Ctrl+C.</summary>
    protected CancellationToken CancellationToken => _cancellation.Token;

    /// <summary>The client for this invocation's connection parameters, built (or taken from the cache) on first use.</summary>
    protected ISecretsManagerClient Client => _client ??= CreateClient();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected override void BeginProcessing()
    {
        FormatData.EnsureLoaded(this);
        if (SessionToken is not null && Credential is null)
        {
            ThrowTerminatingError(ErrorRecords.SessionTokenNeedsCredential());
        }
    }

    protected override void StopProcessing()
    {
        _cancellation.Cancel();
    }

    /// <summary>
    /// Runs one request and blocks until it completes: the only place a task is waited on, always on the pipeline
    /// thread, so every Write* and ShouldProcess happens there. Ctrl+C becomes PipelineStoppedException; a client
    /// that cannot be configured becomes a terminating error. Other failures propagate to the caller.
    /// </summary>
    protected T Invoke<T>(Func<ISecretsManagerClient, CancellationToken, Task<T>> request)
    {
        var client = Client;
        try
        {
            return request(client, _cancellation.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (SecretsManagerConfigurationException e)
        {
            ThrowTerminatingError(ErrorRecords.FromConfiguration(e, ProfileName));
            throw;
        }
    }

    /// <summary>
    /// Runs one request for one item; a failure of that request becomes a non-terminating error for the item and
    /// null is returned. Rejected credentials stop the command: every further item would fail the same way.
    /// </summary>
    protected T? TryInvoke<T>(string action, object? target, Func<ISecretsManagerClient, CancellationToken, Task<T>> request)
        where T : class
    {
        try
        {
            return Invoke(request);
        }
        catch (Exception e) when (ErrorRecords.IsRequestFailure(e))
        {
            WriteRequestError(e, action, target);
            return null;
        }
    }

    /// <summary>
    /// Fetches the next page; false after writing a non-terminating error. A null page means there are no more.
    /// </summary>
    protected bool TryNextPage<T>(Paginator<T> paginator, string action, object? target, out T? page)
        where T : class
    {
        page = null;
        try
        {
            page = Invoke((_, ct) => paginator.NextPageAsync(ct));
            return true;
        }
        catch (Exception e) when (ErrorRecords.IsRequestFailure(e))
        {
            WriteRequestError(e, action, target);
            return false;
        }
    }

    /// <summary>
    /// The ids that pass the secret-id rule; each one that does not becomes a non-terminating error for that item,
    /// so one bad id never stops the others.
    /// </summary>
    protected IEnumerable<string> ValidSecretIds(IEnumerable<string> ids, string parameterName)
    {
        foreach (var id in ids)
        {
            var error = InputValidation.SecretId(id, parameterName);
            if (error is null)
            {
                yield return id;
            }
            else
            {
                WriteError(error);
            }
        }
    }

    /// <summary>Writes a request failure as a non-terminating error (terminating for rejected credentials).</summary>
    protected void WriteRequestError(Exception exception, string action, object? target)
    {
        var record = ErrorRecords.FromRequestException(exception, action, target);
        if (exception is AuthenticationFailedException)
        {
            ThrowTerminatingError(record);
        }

        WriteError(record);
    }

    /// <summary>ShouldProcess that -Force answers yes to, except under -WhatIf or an explicit -Confirm.</summary>
    protected bool ShouldProcessUnlessForced(bool force, string target, string action)
    {
        if (force && !IsWhatIf() && !MyInvocation.BoundParameters.ContainsKey("Confirm"))
        {
            return true;
        }

        return ShouldProcess(target, action);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!_disposed && disposing)
        {
            _cancellation.Dispose();
        }

        _disposed = true;
    }

    private bool IsWhatIf()
    {
        if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf))
        {
            return LanguagePrimitives.IsTrue(whatIf);
        }

        return LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
    }

    private ISecretsManagerClient CreateClient()
    {
        string? accessKeyId = null;
        string? secretAccessKey = null;
        string? sessionToken = null;
        if (Credential is not null)
        {
            accessKeyId = Credential.UserName;
            secretAccessKey = Credential.GetNetworkCredential().Password;
            sessionToken = SessionToken is null ? null : SecureStringConverter.ToPlainText(SessionToken);
        }

        var options = new SecretsManagerClientOptions
        {
            Region = Region,
            ProfileName = ProfileName,
            EndpointUrl = EndpointUrl,
            AccessKeyId = accessKeyId,
            SecretAccessKey = secretAccessKey,
            SessionToken = sessionToken,
        };

        try
        {
            var client = ClientCache.Get(options);
            WriteDebug($"Using Secrets Manager in region '{client.Region}' at '{client.EndpointDescription}'.");
            return client;
        }
        catch (SecretsManagerConfigurationException e)
        {
            ThrowTerminatingError(ErrorRecords.FromConfiguration(e, ProfileName));
            throw;
        }
    }
}
