using System;
using System.Collections;
using System.ComponentModel;
using System.Management.Automation;
using System.Security;

namespace SecretsPS.Commands;

/// <summary>
/// The four ways to give a secret value, shared by New-Secret, Set-Secret and Publish-SecretVersion. Each form is its
/// own parameter set, so the binder enforces "exactly one value form"; the size rule is checked here.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class SecretValueCmdletBase : SecretsManagerCmdletBase
{
    protected const string StringSet = "SecretString";
    protected const string SecureStringSet = "SecureString";

    /// <summary>
    /// -SecureString given by name while the pipeline carries secret ids. Only cmdlets that take ids from the
    /// pipeline declare it, by overriding <see cref="SecureString"/>.
    /// </summary>
    protected const string SecureStringNamedSet = "SecureStringNamed";
    protected const string BinarySet = "SecretBinary";
    protected const string HashtableSet = "SecretValue";

    /// <summary>A text value in plain text. Prefer -SecureString: a plain string lingers in history and memory.</summary>
    [Parameter(Mandatory = true, ParameterSetName = StringSet)]
    [AllowEmptyString]
    [SecretStringTransformation]
    public string? SecretString { get; set; }

    /// <summary>
    /// A text value as SecureString, e.g. from Read-Host -AsSecureString or New-RandomPassword. Virtual so that a
    /// cmdlet can add a set: PowerShell reads the [Parameter] list of the most derived declaration only.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = SecureStringSet, ValueFromPipeline = true)]
    public virtual SecureString? SecureString { get; set; }

    /// <summary>A binary value.</summary>
    [Parameter(Mandatory = true, ParameterSetName = BinarySet)]
    [AllowEmptyCollection]
    [SecretBinaryTransformation]
    public byte[]? SecretBinary { get; set; }

    /// <summary>
    /// A dictionary or PSCustomObject stored as a JSON object, keys in their order (SecureString values are stored
    /// as their text). IDictionary rather than Hashtable, so that an [ordered] dictionary keeps its order.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = HashtableSet)]
    [SecretValueTransformation]
    public IDictionary? SecretValue { get; set; }

    /// <summary>True when one of the value parameter sets is in use.</summary>
    protected bool HasValue => ParameterSetName is StringSet or SecureStringSet or SecureStringNamedSet or BinarySet or HashtableSet;

    /// <summary>Describes the value form for ShouldProcess and Verbose text, never the value.</summary>
    protected string ValueKind => ParameterSetName switch
    {
        StringSet => "a string value",
        SecureStringSet or SecureStringNamedSet => "a SecureString value",
        BinarySet => "a binary value",
        HashtableSet => "a JSON object value",
        _ => "no value",
    };

    /// <summary>
    /// Produces the request's value from the bound form and checks its size; on a broken rule writes a
    /// non-terminating error and returns false.
    /// </summary>
    protected bool TryGetValue(string target, out string? secretString, out byte[]? secretBinary)
    {
        secretString = null;
        secretBinary = null;
        ErrorRecord? error = null;
        switch (ParameterSetName)
        {
            case StringSet:
                secretString = SecretString ?? string.Empty;
                error = InputValidation.SecretString(secretString, nameof(SecretString), target);
                break;
            case SecureStringSet:
            case SecureStringNamedSet:
                secretString = SecureString is null ? string.Empty : SecureStringConverter.ToPlainText(SecureString);
                error = InputValidation.SecretString(secretString, nameof(SecureString), target);
                break;
            case BinarySet:
                secretBinary = SecretBinary ?? Array.Empty<byte>();
                error = InputValidation.SecretBinary(secretBinary, nameof(SecretBinary), target);
                break;
            case HashtableSet:
                try
                {
                    secretString = JsonSecret.Serialize(SecretValue ?? new Hashtable());
                    error = InputValidation.SecretString(secretString, nameof(SecretValue), target);
                }
                catch (ArgumentException e)
                {
                    error = ErrorRecords.InvalidInput(ErrorRecords.InvalidSecretValue, nameof(SecretValue), e.Message, target);
                }

                break;
        }

        if (error is not null)
        {
            secretString = null;
            secretBinary = null;
            WriteError(error);
            return false;
        }

        return true;
    }
}
