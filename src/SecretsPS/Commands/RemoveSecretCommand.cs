using System;
using System.Globalization;
using System.Management.Automation;
using SecretsPS.Client.Model;

namespace SecretsPS.Commands;

/// <summary>Remove-Secret: DeleteSecret with a recovery window (default 30 days) or without recovery.</summary>
[Cmdlet(
    VerbsCommon.Remove,
    "Secret",
    DefaultParameterSetName = RecoveryWindowSet,
    SupportsShouldProcess = true,
    ConfirmImpact = ConfirmImpact.High,
    HelpUri = "https://github.com/secretsps/SecretsPS/blob/main/docs/en-US/Remove-Secret.md")]
[OutputType(typeof(SecretDeletionInfo))]
public sealed class RemoveSecretCommand : SecretsManagerCmdletBase
{
    private const string RecoveryWindowSet = "RecoveryWindow";
    private const string ForceDeleteSet = "ForceDeleteWithoutRecovery";

    private bool _yesToAll;
    private bool _noToAll;

    /// <summary>Secret names or ARNs. Binds from strings and from objects with a Name, ARN or SecretId property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ARN", "Name", "SecretArn")]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(SecretNameCompleter))]
    public string[] SecretId { get; set; } = Array.Empty<string>();

    /// <summary>Days (7-30) during which Restore-Secret can bring the secret back.</summary>
    [Parameter(ParameterSetName = RecoveryWindowSet)]
    public int RecoveryWindowInDays { get; set; } = 30;

    /// <summary>Delete at once; the secret cannot be restored.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ForceDeleteSet)]
    public SwitchParameter ForceDeleteWithoutRecovery { get; set; }

    /// <summary>Skip the confirmation prompt.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Emit the secret's name, ARN and deletion date.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        if (ParameterSetName == RecoveryWindowSet)
        {
            var error = InputValidation.RecoveryWindow(RecoveryWindowInDays);
            if (error is not null)
            {
                ThrowTerminatingError(error);
            }
        }
    }

    protected override void ProcessRecord()
    {
        foreach (var id in ValidSecretIds(SecretId, nameof(SecretId)))
        {
            RemoveOne(id);
        }
    }

    private bool ConfirmationSuppressed()
    {
        if (MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm))
        {
            return !LanguagePrimitives.IsTrue(confirm);
        }

        return GetVariableValue("ConfirmPreference") is ConfirmImpact preference && preference == ConfirmImpact.None;
    }

    private void RemoveOne(string id)
    {
        var action = ForceDeleteWithoutRecovery
            ? "Delete the secret immediately and permanently, without recovery"
            : string.Format(
                CultureInfo.CurrentCulture,
                "Schedule deletion: the secret will be deleted on {0:D} (in {1} days) unless restored with Restore-Secret",
                DateTime.Now.AddDays(RecoveryWindowInDays),
                RecoveryWindowInDays);
        if (!ShouldProcessUnlessForced(Force, id, action))
        {
            return;
        }

        // A permanent deletion whose ShouldProcess prompt was switched off (-Confirm:$false, $ConfirmPreference =
        // 'None') still asks once, flagged as security-relevant, unless -Force says the caller means it.
        if (ForceDeleteWithoutRecovery && !Force && ConfirmationSuppressed()
            && !ShouldContinue($"Delete secret '{id}' immediately and permanently? It cannot be restored.", "Delete without recovery", true, ref _yesToAll, ref _noToAll))
        {
            return;
        }

        var request = new DeleteSecretRequest { SecretId = id };
        if (ForceDeleteWithoutRecovery)
        {
            request.ForceDeleteWithoutRecovery = true;
            WriteVerbose($"Deleting secret '{id}' without recovery.");
        }
        else
        {
            request.RecoveryWindowInDays = RecoveryWindowInDays;
            WriteVerbose($"Scheduling deletion of secret '{id}' with a {RecoveryWindowInDays}-day recovery window.");
        }

        var response = TryInvoke("Delete secret", id, (c, ct) => c.DeleteSecretAsync(request, ct));
        if (response is null)
        {
            return;
        }

        WriteVerbose($"Secret '{response.Name ?? id}' will be deleted on {response.DeletionDate:u}.");
        if (PassThru)
        {
            WriteObject(new SecretDeletionInfo(response.Name ?? id, response.ARN, response.DeletionDate));
        }
    }
}
