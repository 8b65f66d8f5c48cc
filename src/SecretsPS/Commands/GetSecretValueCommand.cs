using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using SecretsPS.Client;
using SecretsPS.Client.Model;

namespace SecretsPS.Commands;

/// <summary>
/// Get-SecretValue: GetSecretValue per id, or BatchGetSecretValue in groups of up to 20 when several ids arrive
/// without version selectors. Output stays in input order either way.
/// </summary>
[Cmdlet(
    VerbsCommon.Get,
    "SecretValue",
    DefaultParameterSetName = ValueSet,
    HelpUri = "https://github.com/secretsps/SecretsPS/blob/main/docs/en-US/Get-SecretValue.md")]
[OutputType(typeof(SecretValue), ParameterSetName = new[] { ValueSet })]
[OutputType(typeof(string), typeof(byte[]), ParameterSetName = new[] { ValueSet })]
[OutputType(typeof(System.Security.SecureString), typeof(string), ParameterSetName = new[] { KeySet })]
[OutputType(typeof(System.Collections.Hashtable), ParameterSetName = new[] { HashtableSet })]
[OutputType(typeof(PSCredential), ParameterSetName = new[] { CredentialSet })]
public sealed class GetSecretValueCommand : SecretsManagerCmdletBase
{
    private const string ValueSet = "Value";
    private const string KeySet = "Key";
    private const string HashtableSet = "AsHashtable";
    private const string CredentialSet = "AsCredential";
    private const int BatchSize = 20;
    private const string GetAction = "Get the value of secret";

    private readonly List<string> _pending = new();
    private readonly HashSet<string> _pendingDistinct = new(StringComparer.Ordinal);

    /// <summary>Secret names or ARNs. Binds from strings and from objects with a Name, ARN or SecretId property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ARN", "Name", "SecretArn")]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(SecretNameCompleter))]
    public string[] SecretId { get; set; } = Array.Empty<string>();

    /// <summary>The staging label of the version to get (default AWSCURRENT).</summary>
    [Parameter]
    public string? VersionStage { get; set; }

    /// <summary>The version to get; binds from a SecretVersion's VersionId.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? VersionId { get; set; }

    /// <summary>Emit plain strings instead of SecureStrings.</summary>
    [Parameter(ParameterSetName = ValueSet)]
    [Parameter(ParameterSetName = KeySet)]
    [Parameter(ParameterSetName = HashtableSet)]
    public SwitchParameter AsPlainText { get; set; }

    /// <summary>Emit one top-level key of a JSON object secret.</summary>
    [Parameter(Mandatory = true, ParameterSetName = KeySet)]
    [ValidateNotNullOrEmpty]
    public string? Key { get; set; }

    /// <summary>Emit a JSON object secret as a hashtable.</summary>
    [Parameter(Mandatory = true, ParameterSetName = HashtableSet)]
    public SwitchParameter AsHashtable { get; set; }

    /// <summary>Emit a PSCredential from the username and password keys of a JSON object secret.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    public SwitchParameter AsCredential { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        if (VersionStage is not null)
        {
            var error = InputValidation.VersionStage(VersionStage);
            if (error is not null)
            {
                ThrowTerminatingError(error);
            }
        }

        // Only command-line values are bound here. An empty -VersionId from a runbook variable would otherwise be
        // ignored and AWSCURRENT read instead; objects piped without a VersionId keep meaning "current".
        if (MyInvocation.BoundParameters.ContainsKey(nameof(VersionId)))
        {
            var error = InputValidation.VersionId(VersionId, null);
            if (error is not null)
            {
                ThrowTerminatingError(error);
            }
        }
    }

    protected override void ProcessRecord()
    {
        var versionId = string.IsNullOrEmpty(VersionId) ? null : VersionId;
        var batchable = versionId is null && VersionStage is null && (MyInvocation.ExpectingInput || SecretId.Length > 1);
        foreach (var id in SecretId)
        {
            var error = InputValidation.SecretId(id, nameof(SecretId)) ?? (versionId is null ? null : InputValidation.VersionId(versionId, id));
            if (error is not null)
            {
                // Keep output in input order: whatever was queued before this item goes first.
                Flush();
                WriteError(error);
                continue;
            }

            if (batchable)
            {
                _pending.Add(id);
                _pendingDistinct.Add(id);
                if (_pendingDistinct.Count >= BatchSize)
                {
                    Flush();
                }
            }
            else
            {
                Flush();
                GetOne(id, versionId);
            }
        }
    }

    protected override void EndProcessing()
    {
        Flush();
    }

    private void Flush()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var ids = _pending.ToArray();
        var distinct = _pendingDistinct.ToList();
        _pending.Clear();
        _pendingDistinct.Clear();

        if (distinct.Count == 1)
        {
            foreach (var id in ids)
            {
                GetOne(id, null);
            }

            return;
        }

        WriteVerbose($"Getting the values of {distinct.Count} secrets with one BatchGetSecretValue request: {string.Join(", ", distinct)}.");
        BatchGetSecretValueResponse response;
        try
        {
            response = Invoke((c, ct) => c.BatchGetSecretValueAsync(new BatchGetSecretValueRequest { SecretIdList = distinct }, ct));
        }
        catch (Exception e) when (ErrorRecords.IsRequestFailure(e))
        {
            if (e is SecretsManagerException and not (AuthenticationFailedException or ThrottlingException or InternalServiceErrorException))
            {
                // E.g. no permission for BatchGetSecretValue, or one id the batch rejects as a whole: one by one,
                // every secret gets its own value or its own error.
                WriteVerbose($"BatchGetSecretValue failed ({((SecretsManagerException)e).ErrorCode}); getting the secrets one at a time.");
                foreach (var id in ids)
                {
                    GetOne(id, null);
                }
            }
            else
            {
                foreach (var id in ids)
                {
                    WriteRequestError(e, GetAction, id);
                }
            }

            return;
        }

        foreach (var id in ids)
        {
            var entry = response.SecretValues?.FirstOrDefault(v => Matches(v, id));
            if (entry is not null)
            {
                Emit(id, entry.Name, entry.ARN, entry.VersionId, entry.VersionStages, entry.CreatedDate, entry.SecretString, entry.SecretBinary);
                continue;
            }

            var failure = response.Errors?.FirstOrDefault(err => string.Equals(err.SecretId, id, StringComparison.Ordinal));
            if (failure is not null)
            {
                var exception = SecretsManagerException.Create(
                    failure.Message ?? string.Empty,
                    null,
                    failure.ErrorCode ?? "Unknown",
                    response.HttpStatusCode,
                    response.RequestId,
                    "BatchGetSecretValue");
                WriteRequestError(exception, GetAction, id);
                continue;
            }

            WriteError(ErrorRecords.NotReturned(id));
        }
    }

    private static bool Matches(SecretValueEntry entry, string id)
    {
        if (string.Equals(entry.Name, id, StringComparison.Ordinal) || string.Equals(entry.ARN, id, StringComparison.Ordinal))
        {
            return true;
        }

        // A partial ARN is the full ARN without its "-XXXXXX" suffix.
        return id.StartsWith("arn:", StringComparison.Ordinal)
            && entry.ARN is not null
            && entry.ARN.Length == id.Length + 7
            && entry.ARN.StartsWith(id + "-", StringComparison.Ordinal);
    }

    private void GetOne(string id, string? versionId)
    {
        var request = new GetSecretValueRequest { SecretId = id, VersionId = versionId, VersionStage = VersionStage };
        var selector = versionId is not null ? $" version {versionId}" : VersionStage is not null ? $" stage {VersionStage}" : string.Empty;
        WriteVerbose($"Getting the value of secret '{id}'{selector}.");
        var response = TryInvoke(GetAction, id, (c, ct) => c.GetSecretValueAsync(request, ct));
        if (response is not null)
        {
            Emit(id, response.Name, response.ARN, response.VersionId, response.VersionStages, response.CreatedDate, response.SecretString, response.SecretBinary);
        }
    }

    private void Emit(string id, string? name, string? arn, string? versionId, List<string>? stages, DateTime? createdDate, string? secretString, byte[]? secretBinary)
    {
        var target = name ?? id;
        if (ParameterSetName == ValueSet)
        {
            if (AsPlainText)
            {
                WriteObject(secretString is not null ? secretString : secretBinary);
            }
            else
            {
                var secure = secretString is null ? null : SecureStringConverter.FromPlainText(secretString);
                WriteObject(FormatData.WithSafeDefaultDisplay(new SecretValue(name, arn, versionId, stages, createdDate, secure, secretBinary)));
            }

            return;
        }

        var parameterName = ParameterSetName switch
        {
            KeySet => nameof(Key),
            HashtableSet => nameof(AsHashtable),
            _ => nameof(AsCredential),
        };

        if (secretString is null)
        {
            WriteError(ErrorRecords.NoSecretString(target, parameterName));
            return;
        }

        using var document = JsonSecret.TryParseObject(secretString);
        if (document is null)
        {
            WriteError(ErrorRecords.NotJsonObject(target, parameterName));
            return;
        }

        var root = document.RootElement;
        switch (ParameterSetName)
        {
            case KeySet:
                if (!JsonSecret.TryGetProperty(root, Key!, out var value))
                {
                    WriteError(ErrorRecords.KeyNotFound(target, Key!));
                    return;
                }

                var text = JsonSecret.AsText(value);
                WriteObject(AsPlainText ? text : SecureStringConverter.FromPlainText(text));
                break;
            case HashtableSet:
                WriteObject(JsonSecret.ToHashtable(root, AsPlainText));
                break;
            default:
                if (!JsonSecret.TryGetProperty(root, "username", out var user) || user.ValueKind != JsonValueKind.String
                    || !JsonSecret.TryGetProperty(root, "password", out var password) || password.ValueKind != JsonValueKind.String
                    || string.IsNullOrEmpty(user.GetString()))
                {
                    WriteError(ErrorRecords.NotCredential(target));
                    return;
                }

                WriteObject(new PSCredential(user.GetString(), SecureStringConverter.FromPlainText(password.GetString() ?? string.Empty)));
                break;
        }
    }
}
