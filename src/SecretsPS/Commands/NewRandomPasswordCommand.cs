using System.Management.Automation;
using System.Security;
using SecretsPS.Client.Model;

namespace SecretsPS.Commands;

/// <summary>New-RandomPassword: GetRandomPassword, once per -Count.</summary>
[Cmdlet(
    VerbsCommon.New,
    "RandomPassword",
    HelpUri = "https://github.com/secretsps/SecretsPS/blob/main/docs/en-US/New-RandomPassword.md")]
[OutputType(typeof(SecureString), typeof(string))]
public sealed class NewRandomPasswordCommand : SecretsManagerCmdletBase
{
    /// <summary>Characters per password, 1-4096.</summary>
    [Parameter(Position = 0)]
    public int Length { get; set; } = 32;

    /// <summary>Characters that must not appear.</summary>
    [Parameter]
    [ValidateNotNull]
    public string? ExcludeCharacters { get; set; }

    [Parameter]
    public SwitchParameter ExcludeNumbers { get; set; }

    [Parameter]
    public SwitchParameter ExcludePunctuation { get; set; }

    [Parameter]
    public SwitchParameter ExcludeUppercase { get; set; }

    [Parameter]
    public SwitchParameter ExcludeLowercase { get; set; }

    [Parameter]
    public SwitchParameter IncludeSpace { get; set; }

    /// <summary>Require a character of every included type (default $true); pass $false to turn it off.</summary>
    [Parameter]
    public bool RequireEachIncludedType { get; set; } = true;

    /// <summary>How many passwords, 1-1000.</summary>
    [Parameter]
    public int Count { get; set; } = 1;

    /// <summary>Emit strings instead of SecureStrings.</summary>
    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        var error = InputValidation.PasswordLength(Length);
        if (error is null && Count is < 1 or > 1000)
        {
            error = ErrorRecords.InvalidInput(ErrorRecords.InvalidCount, nameof(Count), $"the count must be between 1 and 1000; got {Count}.", Count);
        }

        if (error is null && ExcludeCharacters is { Length: > 4096 })
        {
            error = ErrorRecords.InvalidInput(ErrorRecords.InvalidExcludeCharacters, nameof(ExcludeCharacters), $"at most 4096 characters can be excluded; got {ExcludeCharacters.Length}.", null);
        }

        if (error is not null)
        {
            ThrowTerminatingError(error);
        }
    }

    protected override void EndProcessing()
    {
        var request = new GetRandomPasswordRequest
        {
            PasswordLength = Length,
            ExcludeCharacters = string.IsNullOrEmpty(ExcludeCharacters) ? null : ExcludeCharacters,
            ExcludeNumbers = ExcludeNumbers ? true : null,
            ExcludePunctuation = ExcludePunctuation ? true : null,
            ExcludeUppercase = ExcludeUppercase ? true : null,
            ExcludeLowercase = ExcludeLowercase ? true : null,
            IncludeSpace = IncludeSpace ? true : null,
            RequireEachIncludedType = RequireEachIncludedType ? null : false,
        };

        for (var i = 0; i < Count; i++)
        {
            WriteVerbose($"Generating a random password of {Length} characters ({i + 1} of {Count}).");
            var response = TryInvoke("Generate a random password", null, (c, ct) => c.GetRandomPasswordAsync(request, ct));
            if (response is null)
            {
                // The same request would fail the same way again.
                return;
            }

            var password = response.RandomPassword ?? string.Empty;
            WriteObject(AsPlainText ? password : SecureStringConverter.FromPlainText(password));
        }
    }
}
