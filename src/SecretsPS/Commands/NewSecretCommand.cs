using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using SecretsPS.Client.Model;

namespace SecretsPS.Commands;

/// <summary>New-Secret: CreateSecret, then DescribeSecret for the complete SecretInfo.</summary>
[Cmdlet(
    VerbsCommon.New,
    "Secret",
    DefaultParameterSetName = NoValueSet,
    SupportsShouldProcess = true,
    HelpUri = "https://github.com/secretsps/SecretsPS/blob/main/docs/en-US/New-Secret.md")]
[OutputType(typeof(SecretInfo))]
public sealed class NewSecretCommand : SecretValueCmdletBase
{
    private const string NoValueSet = "NoValue";

    /// <summary>The new secret's name.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(SecretNameCompleter))]
    public string Name { get; set; } = string.Empty;

    [Parameter]
    public string? Description { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KmsKeyId { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Hashtable? Tag { get; set; }

    /// <summary>Idempotency token; becomes the first version's id (32-64 characters).</summary>
    [Parameter]
    public string? ClientRequestToken { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        var error = InputValidation.Description(Description)
            ?? InputValidation.KmsKeyId(KmsKeyId)
            ?? InputValidation.Tags(Tag, nameof(Tag))
            ?? (ClientRequestToken is null ? null : InputValidation.ClientRequestToken(ClientRequestToken));
        if (error is not null)
        {
            ThrowTerminatingError(error);
        }
    }

    protected override void ProcessRecord()
    {
        var nameError = InputValidation.SecretName(Name, nameof(Name));
        if (nameError is not null)
        {
            WriteError(nameError);
            return;
        }

        if (!TryGetValue(Name, out var secretString, out var secretBinary))
        {
            return;
        }

        if (!ShouldProcess(Name, $"Create secret with {ValueKind}"))
        {
            return;
        }

        var request = new CreateSecretRequest
        {
            Name = Name,
            Description = Description,
            KmsKeyId = KmsKeyId,
            SecretString = secretString,
            SecretBinary = secretBinary,
            ClientRequestToken = ClientRequestToken,
            Tags = ToTags(Tag),
        };

        WriteVerbose($"Creating secret '{Name}' with {ValueKind}.");
        var created = TryInvoke("Create secret", Name, (c, ct) => c.CreateSecretAsync(request, ct));
        if (created is null)
        {
            return;
        }

        WriteVerbose(created.VersionId is null
            ? $"Created secret '{created.Name}' ({created.ARN}) without a version."
            : $"Created secret '{created.Name}' ({created.ARN}) with version {created.VersionId}.");

        var id = created.ARN ?? Name;
        SecretInfo info;
        try
        {
            var described = Invoke((c, ct) => c.DescribeSecretAsync(new DescribeSecretRequest { SecretId = id }, ct));
            info = new SecretInfo(described, created.VersionId);
        }
        catch (Exception e) when (ErrorRecords.IsRequestFailure(e))
        {
            // The secret exists; failing the command now would invite a retry that hits "already exists".
            WriteWarning($"Created secret '{Name}', but could not read its details back: {e.Message}");
            var stages = created.VersionId is null ? null : new Dictionary<string, List<string>> { [created.VersionId] = new List<string> { "AWSCURRENT" } };
            info = new SecretInfo(created.Name ?? Name, created.ARN, Description, KmsKeyId, null, null, null, null, request.Tags, stages, null, created.VersionId);
        }

        WriteObject(info);
    }

    internal static List<Tag>? ToTags(Hashtable? tags)
    {
        if (tags is null)
        {
            return null;
        }

        var list = new List<Tag>(tags.Count);
        foreach (DictionaryEntry entry in tags)
        {
            list.Add(new Tag(InputValidation.TagValue(entry.Key), InputValidation.TagValue(entry.Value)));
        }

        return list;
    }
}
