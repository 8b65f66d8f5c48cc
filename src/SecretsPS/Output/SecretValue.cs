using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;

namespace SecretsPS;

/// <summary>One version of a secret with its value: a SecureString for text secrets, bytes for binary ones.</summary>
public sealed class SecretValue
{
    internal SecretValue(string? name, string? arn, string? versionId, IEnumerable<string>? versionStages, DateTime? createdDate, SecureString? secretString, byte[]? secretBinary)
    {
        Name = name ?? string.Empty;
        ARN = arn ?? string.Empty;
        VersionId = versionId ?? string.Empty;
        VersionStages = versionStages?.ToArray() ?? Array.Empty<string>();
        CreatedDate = createdDate;
        SecretString = secretString;
        SecretBinary = secretBinary;
    }

    public string Name { get; }

    public string ARN { get; }

    public string VersionId { get; }

    public string[] VersionStages { get; }

    public DateTime? CreatedDate { get; }

    /// <summary>The value of a text secret (null for a binary secret).</summary>
    public SecureString? SecretString { get; }

    /// <summary>The value of a binary secret (null for a text secret).</summary>
#pragma warning disable CA1819 // A byte[] is what a binary secret is; copying it on every read buys nothing.
    public byte[]? SecretBinary { get; }
#pragma warning restore CA1819

    /// <summary>Never the value: the name and version, so accidental string conversion leaks nothing.</summary>
    public override string ToString() => $"{Name} ({VersionId})";
}
