using System;
using System.Collections.Generic;
using System.Linq;

namespace SecretsPS;

/// <summary>A version of a secret without its value: what Get-SecretVersion and Publish-SecretVersion emit.</summary>
public sealed class SecretVersion
{
    internal SecretVersion(string? name, string? arn, string? versionId, IEnumerable<string>? versionStages, DateTime? createdDate, DateTime? lastAccessedDate)
    {
        Name = name ?? string.Empty;
        ARN = arn ?? string.Empty;
        VersionId = versionId ?? string.Empty;
        VersionStages = versionStages?.ToArray() ?? Array.Empty<string>();
        CreatedDate = createdDate;
        LastAccessedDate = lastAccessedDate;
    }

    public string Name { get; }

    public string ARN { get; }

    public string VersionId { get; }

    /// <summary>The staging labels on this version; empty for a deprecated version.</summary>
    public string[] VersionStages { get; }

    public DateTime? CreatedDate { get; }

    public DateTime? LastAccessedDate { get; }

    public override string ToString() => $"{Name} ({VersionId})";
}
