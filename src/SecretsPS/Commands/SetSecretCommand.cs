using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecretsPS.Client.Model;

namespace SecretsPS.Commands;

/// <summary>Set-Secret: UpdateSecret (value, description, KMS key), TagResource and UntagResource, each only if needed.</summary>
[Cmdlet(
    VerbsCommon.Set,
    "Secret",
    DefaultParameterSetName = NoValueSet,
    SupportsShouldProcess = true,
    HelpUri = "https://github.com/secretsps/SecretsPS/blob/main/docs/en-US/Set-Secret.md")]
[OutputType(typeof(SecretInfo))]
public sealed class SetSecretCommand : SecretValueCmdletBase
{
    private const string NoValueSet = "NoValue";

    /// <summary>Secret names or ARNs. Binds from strings and from objects with a Name, ARN or SecretId property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ARN", "Name", "SecretArn")]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(SecretNameCompleter))]
    public string[] SecretId { get; set; } = Array.Empty<string>();

    /// <summary>The new description ("" clears it).</summary>
    [Parameter]
    [AllowEmptyString]
    public string? Description { get; set; }

    /// <summary>The KMS key for new versions ("" reverts to aws/secretsmanager).</summary>
    [Parameter]
    [AllowEmptyString]
    public string? KmsKeyId { get; set; }

    /// <summary>Tags to add, or to overwrite when the key exists.</summary>
    [Parameter]
    [ValidateNotNull]
    public Hashtable? Tag { get; set; }

    /// <summary>Tag keys to remove.</summary>
    [Parameter]
    [ValidateNotNull]
    public string[]? RemoveTag { get; set; }

    /// <summary>Emit the updated SecretInfo.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private bool DescriptionBound => MyInvocation.BoundParameters.ContainsKey(nameof(Description));

    private bool KmsKeyIdBound => MyInvocation.BoundParameters.ContainsKey(nameof(KmsKeyId));

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        var error = InputValidation.Description(Description)
            ?? InputValidation.KmsKeyId(KmsKeyId)
            ?? InputValidation.Tags(Tag, nameof(Tag));
        foreach (var key in RemoveTag ?? Array.Empty<string>())
        {
            error ??= InputValidation.TagKey(key, nameof(RemoveTag));
        }

        if (error is not null)
        {
            ThrowTerminatingError(error);
        }
    }

    protected override void ProcessRecord()
    {
        foreach (var id in ValidSecretIds(SecretId, nameof(SecretId)))
        {
            SetOne(id);
        }
    }

    private void SetOne(string id)
    {
        if (!TryGetValue(id, out var secretString, out var secretBinary))
        {
            return;
        }

        var update = HasValue || DescriptionBound || KmsKeyIdBound;
        var changes = new List<string>();
        if (HasValue)
        {
            changes.Add($"store {ValueKind} as a new version");
        }

        if (DescriptionBound)
        {
            changes.Add(string.IsNullOrEmpty(Description) ? "clear the description" : "set the description");
        }

        if (KmsKeyIdBound)
        {
            changes.Add(string.IsNullOrEmpty(KmsKeyId) ? "revert to the default KMS key" : $"use KMS key '{KmsKeyId}'");
        }

        if (RemoveTag is { Length: > 0 })
        {
            changes.Add($"remove tags {string.Join(", ", RemoveTag)}");
        }

        if (Tag is { Count: > 0 })
        {
            changes.Add($"set tags {string.Join(", ", Tag.Keys.Cast<object>().Select(InputValidation.TagValue))}");
        }

        if (changes.Count == 0)
        {
            WriteVerbose($"Nothing to change on secret '{id}'.");
        }
        else if (!ShouldProcess(id, $"Update secret: {string.Join("; ", changes)}"))
        {
            return;
        }
        else
        {
            WriteVerbose($"Updating secret '{id}': {string.Join("; ", changes)}.");
        }

        string? versionId = null;
        if (update && changes.Count > 0)
        {
            var request = new UpdateSecretRequest
            {
                SecretId = id,
                SecretString = secretString,
                SecretBinary = secretBinary,
                Description = DescriptionBound ? Description ?? string.Empty : null,
                KmsKeyId = KmsKeyIdBound ? KmsKeyId ?? string.Empty : null,
            };
            var updated = TryInvoke("Update secret", id, (c, ct) => c.UpdateSecretAsync(request, ct));
            if (updated is null)
            {
                return;
            }

            versionId = updated.VersionId;
            if (versionId is not null)
            {
                WriteVerbose($"Secret '{id}' has a new version {versionId}.");
            }
        }

        // Removing first means a key given to both -RemoveTag and -Tag ends up with the -Tag value.
        if (RemoveTag is { Length: > 0 })
        {
            var request = new UntagResourceRequest { SecretId = id, TagKeys = RemoveTag.ToList() };
            if (TryInvoke("Remove tags from secret", id, (c, ct) => c.UntagResourceAsync(request, ct)) is null)
            {
                return;
            }
        }

        if (Tag is { Count: > 0 })
        {
            var request = new TagResourceRequest { SecretId = id, Tags = NewSecretCommand.ToTags(Tag) };
            if (TryInvoke("Tag secret", id, (c, ct) => c.TagResourceAsync(request, ct)) is null)
            {
                return;
            }
        }

        if (PassThru)
        {
            var described = TryInvoke("Describe secret", id, (c, ct) => c.DescribeSecretAsync(new DescribeSecretRequest { SecretId = id }, ct));
            if (described is not null)
            {
                WriteObject(new SecretInfo(described, versionId));
            }
        }
    }
}
