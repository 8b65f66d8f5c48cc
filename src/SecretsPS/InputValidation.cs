using System.Collections;
using System.Management.Automation;
using System.Text;
using System.Text.RegularExpressions;

namespace SecretsPS;

/// <summary>
/// The service's input rules, checked before any request so a bad value fails fast, offline and with a message that
/// names the parameter and the rule. Each check returns null when the value is fine. Messages never quote values
/// that could be secret (secret values, tokens); names and ids are not secret and are quoted.
/// </summary>
internal static class InputValidation
{
    public const int MaxNameLength = 512;
    public const int MaxSecretIdLength = 2048;
    public const int MaxValueBytes = 65536;

    private const string NameRule = "a secret name is 1-512 characters: ASCII letters, digits and / _ + = . @ -";

    private static readonly Regex s_name = new(@"^[A-Za-z0-9/_+=.@-]{1,512}$", RegexOptions.CultureInvariant);

    // arn:<partition>:secretsmanager:<region>:<account>:secret:<name>[-XXXXXX]
    private static readonly Regex s_arn = new(@"^arn:[a-z0-9-]+:secretsmanager:[a-z0-9-]*:[0-9]*:secret:[A-Za-z0-9/_+=.@-]{1,519}$", RegexOptions.CultureInvariant);

    public static ErrorRecord? SecretName(string? name, string parameterName)
    {
        if (name is null || !s_name.IsMatch(name))
        {
            return ErrorRecords.InvalidInput(ErrorRecords.InvalidSecretName, parameterName, $"'{name}' is not a valid secret name: {NameRule}.", name);
        }

        return null;
    }

    /// <summary>A secret id is a name, a full ARN or a partial ARN (without the 6-character suffix).</summary>
    public static ErrorRecord? SecretId(string? id, string parameterName)
    {
        if (id is not null && id.StartsWith("arn:", System.StringComparison.Ordinal))
        {
            if (id.Length > MaxSecretIdLength || !s_arn.IsMatch(id))
            {
                return ErrorRecords.InvalidInput(
                    ErrorRecords.InvalidSecretId,
                    parameterName,
                    $"'{id}' is not a valid secret ARN: expected arn:<partition>:secretsmanager:<region>:<account>:secret:<name>[-XXXXXX] (at most 2048 characters), where {NameRule}.",
                    id);
            }

            return null;
        }

        if (id is null || !s_name.IsMatch(id))
        {
            // Not quoted: a value piped into -SecretId by mistake would otherwise be printed.
            return ErrorRecords.InvalidInput(ErrorRecords.InvalidSecretId, parameterName, $"{DescribeInvalidName(id)} is not a valid secret id: give a secret name or ARN; {NameRule}.", id);
        }

        return null;
    }

    /// <summary>A wildcard pattern that WildcardPattern accepts (it only checks the syntax when first matching).</summary>
    public static ErrorRecord? Wildcard(string pattern, string parameterName, WildcardOptions options, out WildcardPattern? compiled)
    {
        compiled = new WildcardPattern(pattern, options);
        try
        {
            compiled.IsMatch(string.Empty);
            return null;
        }
        catch (WildcardPatternException)
        {
            compiled = null;
            return ErrorRecords.InvalidInput(
                ErrorRecords.InvalidWildcardPattern,
                parameterName,
                $"'{pattern}' is not a valid wildcard pattern: * and ? match characters, [abc] or [a-z] one character of a set (close every '['), and ` escapes a wildcard character.",
                pattern);
        }
    }

    /// <summary>Describes an id that failed the name rule without quoting it.</summary>
    private static string DescribeInvalidName(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "an empty value";
        }

        if (id!.Length > MaxNameLength)
        {
            return $"a value of {id.Length} characters";
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (!(c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '/' or '_' or '+' or '=' or '.' or '@' or '-'))
            {
                return $"the value given ({id.Length} characters; character {i + 1} is not allowed)";
            }
        }

        return "the value given";
    }

    /// <summary>A secret string: 1 to 65,536 UTF-8 bytes.</summary>
    public static ErrorRecord? SecretString(string value, string parameterName, string? target)
    {
        if (value.Length == 0)
        {
            return ErrorRecords.InvalidInput(ErrorRecords.SecretValueEmpty, parameterName, "the secret value must not be empty (1 to 65,536 bytes).", target);
        }

        var bytes = Encoding.UTF8.GetByteCount(value);
        if (bytes > MaxValueBytes)
        {
            return ErrorRecords.InvalidInput(ErrorRecords.SecretValueTooLarge, parameterName, $"the secret value is {bytes:N0} bytes as UTF-8; the limit is 65,536 bytes.", target);
        }

        return null;
    }

    public static ErrorRecord? SecretBinary(byte[] value, string parameterName, string? target)
    {
        if (value.Length == 0)
        {
            return ErrorRecords.InvalidInput(ErrorRecords.SecretValueEmpty, parameterName, "the secret value must not be empty (1 to 65,536 bytes).", target);
        }

        if (value.Length > MaxValueBytes)
        {
            return ErrorRecords.InvalidInput(ErrorRecords.SecretValueTooLarge, parameterName, $"the secret value is {value.Length:N0} bytes; the limit is 65,536 bytes.", target);
        }

        return null;
    }

    public static ErrorRecord? RecoveryWindow(int days)
    {
        return days is < 7 or > 30
            ? ErrorRecords.InvalidInput(ErrorRecords.InvalidRecoveryWindow, "RecoveryWindowInDays", $"the recovery window must be between 7 and 30 days (inclusive); got {days}.", days)
            : null;
    }

    public static ErrorRecord? PasswordLength(int length)
    {
        return length is < 1 or > 4096
            ? ErrorRecords.InvalidInput(ErrorRecords.InvalidPasswordLength, "Length", $"the password length must be between 1 and 4096 characters; got {length}.", length)
            : null;
    }

    public static ErrorRecord? VersionStages(string[]? stages)
    {
        if (stages is null)
        {
            return null;
        }

        if (stages.Length is < 1 or > 20)
        {
            return ErrorRecords.InvalidInput(ErrorRecords.InvalidVersionStage, "VersionStage", $"give 1 to 20 staging labels; got {stages.Length}.", null);
        }

        foreach (var stage in stages)
        {
            var error = VersionStage(stage);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    public static ErrorRecord? VersionStage(string? stage)
    {
        return string.IsNullOrEmpty(stage) || stage!.Length > 256
            ? ErrorRecords.InvalidInput(ErrorRecords.InvalidVersionStage, "VersionStage", $"a staging label is 1 to 256 characters; got {stage?.Length ?? 0}.", stage)
            : null;
    }

    public static ErrorRecord? VersionId(string? versionId, string? target)
    {
        return versionId is null || versionId.Length is < 32 or > 64
            ? ErrorRecords.InvalidInput(ErrorRecords.InvalidVersionId, "VersionId", $"a version id is 32 to 64 characters; '{versionId}' has {versionId?.Length ?? 0}.", target)
            : null;
    }

    /// <summary>The token becomes the version id; its length is the rule, its text is not echoed.</summary>
    public static ErrorRecord? ClientRequestToken(string? token)
    {
        return token is null || token.Length is < 32 or > 64
            ? ErrorRecords.InvalidInput(ErrorRecords.InvalidClientRequestToken, "ClientRequestToken", $"the token must be 32 to 64 characters (a GUID is 36); got {token?.Length ?? 0}.", null)
            : null;
    }

    public static ErrorRecord? Description(string? description)
    {
        return description is { Length: > 2048 }
            ? ErrorRecords.InvalidInput(ErrorRecords.InvalidDescription, "Description", $"a description is at most 2048 characters; got {description.Length}.", null)
            : null;
    }

    public static ErrorRecord? KmsKeyId(string? kmsKeyId)
    {
        return kmsKeyId is { Length: > 2048 }
            ? ErrorRecords.InvalidInput(ErrorRecords.InvalidKmsKeyId, "KmsKeyId", $"a KMS key id, ARN or alias is at most 2048 characters; got {kmsKeyId.Length}.", null)
            : null;
    }

    public static ErrorRecord? Tags(IDictionary? tags, string parameterName)
    {
        if (tags is null)
        {
            return null;
        }

        if (tags.Count > 50)
        {
            return ErrorRecords.InvalidInput(ErrorRecords.InvalidTag, parameterName, $"a secret has at most 50 tags; got {tags.Count}.", null);
        }

        foreach (DictionaryEntry entry in tags)
        {
            var error = TagKey(entry.Key?.ToString(), parameterName);
            if (error is not null)
            {
                return error;
            }

            var value = TagValue(entry.Value);
            if (value.Length > 256)
            {
                return ErrorRecords.InvalidInput(ErrorRecords.InvalidTag, parameterName, $"the value of tag '{entry.Key}' has {value.Length} characters; a tag value is at most 256.", entry.Key);
            }
        }

        return null;
    }

    public static ErrorRecord? TagKey(string? key, string parameterName)
    {
        return string.IsNullOrEmpty(key) || key!.Length > 128
            ? ErrorRecords.InvalidInput(ErrorRecords.InvalidTag, parameterName, $"a tag key is 1 to 128 characters; got {key?.Length ?? 0}.", key)
            : null;
    }

    public static string TagValue(object? value)
    {
        return LanguagePrimitives.ConvertTo<string>(value is PSObject ps ? ps.BaseObject : value) ?? string.Empty;
    }
}
