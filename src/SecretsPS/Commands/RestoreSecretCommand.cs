using System;
using System.Management.Automation;
using SecretsPS.Client.Model;

namespace SecretsPS.Commands;

/// <summary>Restore-Secret: RestoreSecret cancels a scheduled deletion.</summary>
[Cmdlet(
    VerbsData.Restore,
    "Secret",
    SupportsShouldProcess = true,
    HelpUri = "https://github.com/secretsps/SecretsPS/blob/main/docs/en-US/Restore-Secret.md")]
[OutputType(typeof(SecretInfo))]
public sealed class RestoreSecretCommand : SecretsManagerCmdletBase
{
    /// <summary>Secret names or ARNs. Binds from strings and from objects with a Name, ARN or SecretId property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ARN", "Name", "SecretArn")]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(SecretNameCompleter))]
    public string[] SecretId { get; set; } = Array.Empty<string>();

    /// <summary>Emit the restored SecretInfo.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in ValidSecretIds(SecretId, nameof(SecretId)))
        {
            if (!ShouldProcess(id, "Restore the secret (cancel its scheduled deletion)"))
            {
                continue;
            }

            WriteVerbose($"Restoring secret '{id}'.");
            var restored = TryInvoke("Restore secret", id, (c, ct) => c.RestoreSecretAsync(new RestoreSecretRequest { SecretId = id }, ct));
            if (restored is null || !PassThru)
            {
                continue;
            }

            var described = TryInvoke("Describe secret", id, (c, ct) => c.DescribeSecretAsync(new DescribeSecretRequest { SecretId = id }, ct));
            if (described is not null)
            {
                WriteObject(new SecretInfo(described));
            }
        }
    }
}
