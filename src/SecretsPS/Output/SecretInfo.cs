using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using SecretsPS.Client.Model;

namespace SecretsPS;

/// <summary>A secret's metadata: what Find-Secret, New-Secret and the -PassThru switches emit. It never holds a value.</summary>
public sealed class SecretInfo
{
    internal SecretInfo(DescribeSecretResponse response, string? versionId = null)
        : this(
            response.Name,
            response.ARN,
            response.Description,
            response.KmsKeyId,
            response.CreatedDate,
            response.LastChangedDate,
            response.LastAccessedDate,
            response.DeletedDate,
            response.Tags,
            response.VersionIdsToStages,
            response.RotationEnabled,
            versionId)
    {
    }

    internal SecretInfo(SecretListEntry entry)
        : this(
            entry.Name,
            entry.ARN,
            entry.Description,
            entry.KmsKeyId,
            entry.CreatedDate,
            entry.LastChangedDate,
            entry.LastAccessedDate,
            entry.DeletedDate,
            entry.Tags,
            entry.SecretVersionsToStages,
            entry.RotationEnabled,
            null)
    {
    }

    internal SecretInfo(
        string? name,
        string? arn,
        string? description,
        string? kmsKeyId,
        DateTime? createdDate,
        DateTime? lastChangedDate,
        DateTime? lastAccessedDate,
        DateTime? deletedDate,
        IEnumerable<Tag>? tags,
        IDictionary<string, List<string>>? versionIdsToStages,
        bool? rotationEnabled,
        string? versionId)
    {
        Name = name ?? string.Empty;
        ARN = arn ?? string.Empty;
        Description = description;
        KmsKeyId = kmsKeyId;
        CreatedDate = createdDate;
        LastChangedDate = lastChangedDate;
        LastAccessedDate = lastAccessedDate;
        DeletedDate = deletedDate;
        RotationEnabled = rotationEnabled ?? false;
        VersionId = versionId;

        // Tag keys are case-sensitive in Secrets Manager, so the table is too.
        var tagTable = new Hashtable(StringComparer.Ordinal);
        foreach (var tag in tags ?? Enumerable.Empty<Tag>())
        {
            if (tag.Key is not null)
            {
                tagTable[tag.Key] = tag.Value ?? string.Empty;
            }
        }

        Tags = tagTable;

        // moto lists unlabeled versions with an empty list; the service omits them, so drop them here too.
        var stages = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (versionIdsToStages is not null)
        {
            foreach (var pair in versionIdsToStages)
            {
                if (pair.Value is { Count: > 0 })
                {
                    stages[pair.Key] = pair.Value.ToArray();
                }
            }
        }

        VersionIdsToStages = stages;
    }

    public string Name { get; }

    public string ARN { get; }

    public string? Description { get; }

    public string? KmsKeyId { get; }

    public DateTime? CreatedDate { get; }

    public DateTime? LastChangedDate { get; }

    public DateTime? LastAccessedDate { get; }

    /// <summary>Set while the secret is scheduled for deletion.</summary>
    public DateTime? DeletedDate { get; }

    /// <summary>Tag key to value.</summary>
    public Hashtable Tags { get; }

    /// <summary>Labeled version ids and their staging labels.</summary>
    public IReadOnlyDictionary<string, string[]> VersionIdsToStages { get; }

    public bool RotationEnabled { get; }

    /// <summary>The version New-Secret or Set-Secret just created, if any.</summary>
    public string? VersionId { get; }

    public override string ToString() => Name;
}
