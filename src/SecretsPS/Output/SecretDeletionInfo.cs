using System;

namespace SecretsPS;

/// <summary>What Remove-Secret -PassThru emits: which secret and when the service deletes it for good.</summary>
public sealed class SecretDeletionInfo
{
    internal SecretDeletionInfo(string? name, string? arn, DateTime? deletionDate)
    {
        Name = name ?? string.Empty;
        ARN = arn ?? string.Empty;
        DeletionDate = deletionDate;
    }

    public string Name { get; }

    public string ARN { get; }

    public DateTime? DeletionDate { get; }

    public override string ToString() => Name;
}
