using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using SecretsPS.Client;
using SecretsPS.Client.Model;

namespace SecretsPS.Commands;

/// <summary>
/// Publish-SecretVersion: with a value, PutSecretValue creates a version carrying the given labels; without one,
/// UpdateSecretVersionStage moves each label onto -VersionId, taking the current holder from DescribeSecret.
/// </summary>
[Cmdlet(
    VerbsData.Publish,
    "SecretVersion",
    DefaultParameterSetName = SecureStringSet,
    SupportsShouldProcess = true,
    HelpUri = "https://github.com/secretsps/SecretsPS/blob/main/docs/en-US/Publish-SecretVersion.md")]
[OutputType(typeof(SecretVersion))]
public sealed class PublishSecretVersionCommand : SecretValueCmdletBase
{
    private const string MoveSet = "MoveStage";
    private const string DefaultStage = "AWSCURRENT";

    /// <summary>
    /// The secret's name or ARN. Binds from strings and from objects with a Name, ARN or SecretId property, except
    /// in the default SecureString set, where the pipeline carries the value: there a SecretVersion must not bind
    /// by property name, or the binder would settle on that default set and never bind VersionId (rollback
    /// pipeline). With -SecureString given by name, the SecureStringNamed set takes the ids from the pipeline.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = MoveSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = StringSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = BinarySet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = HashtableSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = SecureStringNamedSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = SecureStringSet)]
    [Alias("ARN", "Name", "SecretArn")]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(SecretNameCompleter))]
    public string SecretId { get; set; } = string.Empty;

    /// <summary>
    /// A text value as SecureString: from the pipeline (the default set, secret id by name or position), or by
    /// name while the pipeline carries secret ids or objects with a Name, ARN or SecretId property.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = SecureStringSet, ValueFromPipeline = true)]
    [Parameter(Mandatory = true, ParameterSetName = SecureStringNamedSet)]
    public override SecureString? SecureString
    {
        get => base.SecureString;
        set => base.SecureString = value;
    }

    /// <summary>The existing version to move the labels onto; binds from a SecretVersion's VersionId.</summary>
    [Parameter(Mandatory = true, ParameterSetName = MoveSet, ValueFromPipelineByPropertyName = true)]
    public string? VersionId { get; set; }

    /// <summary>The staging labels for the new version (default AWSCURRENT), or the labels to move.</summary>
    [Parameter(ParameterSetName = StringSet)]
    [Parameter(ParameterSetName = SecureStringSet)]
    [Parameter(ParameterSetName = SecureStringNamedSet)]
    [Parameter(ParameterSetName = BinarySet)]
    [Parameter(ParameterSetName = HashtableSet)]
    [Parameter(ParameterSetName = MoveSet)]
    [ValidateNotNull]
    public string[]? VersionStage { get; set; }

    /// <summary>Idempotency token; becomes the new version's id (32-64 characters).</summary>
    [Parameter(ParameterSetName = StringSet)]
    [Parameter(ParameterSetName = SecureStringSet)]
    [Parameter(ParameterSetName = SecureStringNamedSet)]
    [Parameter(ParameterSetName = BinarySet)]
    [Parameter(ParameterSetName = HashtableSet)]
    public string? ClientRequestToken { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        var error = InputValidation.VersionStages(VersionStage)
            ?? (ClientRequestToken is null ? null : InputValidation.ClientRequestToken(ClientRequestToken));
        if (error is not null)
        {
            ThrowTerminatingError(error);
        }
    }

    protected override void ProcessRecord()
    {
        var idError = InputValidation.SecretId(SecretId, nameof(SecretId));
        if (idError is not null)
        {
            WriteError(idError);
            return;
        }

        if (ParameterSetName == MoveSet)
        {
            MoveStages();
        }
        else
        {
            PutValue();
        }
    }

    private void PutValue()
    {
        if (!TryGetValue(SecretId, out var secretString, out var secretBinary))
        {
            return;
        }

        var stages = VersionStage ?? new[] { DefaultStage };
        if (!ShouldProcess(SecretId, $"Create a new version with {ValueKind}, labelled {string.Join(", ", stages)}"))
        {
            return;
        }

        WriteVerbose($"Creating a new version of secret '{SecretId}' with {ValueKind}, labelled {string.Join(", ", stages)}.");
        var request = new PutSecretValueRequest
        {
            SecretId = SecretId,
            SecretString = secretString,
            SecretBinary = secretBinary,
            VersionStages = VersionStage?.ToList(),
            ClientRequestToken = ClientRequestToken,
        };
        var response = TryInvoke("Create a version of secret", SecretId, (c, ct) => c.PutSecretValueAsync(request, ct));
        if (response is null)
        {
            return;
        }

        WriteVerbose($"Secret '{SecretId}' has a new version {response.VersionId}.");
        WriteObject(new SecretVersion(response.Name, response.ARN, response.VersionId, response.VersionStages ?? stages.ToList(), null, null));
    }

    private void MoveStages()
    {
        var target = VersionId ?? string.Empty;
        var versionError = InputValidation.VersionId(target, SecretId);
        if (versionError is not null)
        {
            WriteError(versionError);
            return;
        }

        var stages = VersionStage ?? new[] { DefaultStage };
        if (!ShouldProcess(SecretId, $"Move staging label(s) {string.Join(", ", stages)} to version {target}"))
        {
            return;
        }

        var described = TryInvoke("Describe secret", SecretId, (c, ct) => c.DescribeSecretAsync(new DescribeSecretRequest { SecretId = SecretId }, ct));
        if (described is null)
        {
            return;
        }

        foreach (var stage in stages)
        {
            var holder = described.VersionIdsToStages?
                .FirstOrDefault(pair => pair.Value is not null && pair.Value.Contains(stage, StringComparer.Ordinal))
                .Key;
            if (string.Equals(holder, target, StringComparison.Ordinal))
            {
                WriteVerbose($"Staging label {stage} of secret '{SecretId}' is already on version {target}.");
                continue;
            }

            WriteVerbose(holder is null
                ? $"Attaching staging label {stage} of secret '{SecretId}' to version {target}."
                : $"Moving staging label {stage} of secret '{SecretId}' from version {holder} to version {target}.");
            var request = new UpdateSecretVersionStageRequest
            {
                SecretId = SecretId,
                VersionStage = stage,
                MoveToVersionId = target,
                RemoveFromVersionId = holder,
            };
            if (TryInvoke($"Move staging label {stage} of secret", SecretId, (c, ct) => c.UpdateSecretVersionStageAsync(request, ct)) is null)
            {
                return;
            }
        }

        // Read the version back, so the output shows its labels as they are now (AWSPREVIOUS moves along).
        var listRequest = new ListSecretVersionIdsRequest { SecretId = SecretId, IncludeDeprecated = true };
        var paginator = Client.ListSecretVersionIdsPages(listRequest);
        while (TryNextPage(paginator, "List the versions of secret", SecretId, out var page) && page is not null)
        {
            var version = page.Versions?.FirstOrDefault(v => string.Equals(v.VersionId, target, StringComparison.Ordinal));
            if (version is not null)
            {
                WriteObject(new SecretVersion(page.Name ?? described.Name, described.ARN ?? page.ARN, version.VersionId, version.VersionStages, version.CreatedDate, version.LastAccessedDate));
                return;
            }
        }
    }
}
