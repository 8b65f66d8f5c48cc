using System;
using System.Collections.Generic;
using System.Management.Automation;
using SecretsPS.Client;
using SecretsPS.Client.Model;

namespace SecretsPS.Commands;

/// <summary>Get-SecretVersion: ListSecretVersionIds, page by page.</summary>
[Cmdlet(
    VerbsCommon.Get,
    "SecretVersion",
    HelpUri = "https://github.com/secretsps/SecretsPS/blob/main/docs/en-US/Get-SecretVersion.md")]
[OutputType(typeof(SecretVersion))]
public sealed class GetSecretVersionCommand : SecretsManagerCmdletBase
{
    /// <summary>Secret names or ARNs. Binds from strings and from objects with a Name, ARN or SecretId property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ARN", "Name", "SecretArn")]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(SecretNameCompleter))]
    public string[] SecretId { get; set; } = Array.Empty<string>();

    /// <summary>Also list versions without staging labels.</summary>
    [Parameter]
    public SwitchParameter IncludeDeprecated { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in ValidSecretIds(SecretId, nameof(SecretId)))
        {
            WriteVerbose($"Listing the versions of secret '{id}'.");
            var request = new ListSecretVersionIdsRequest { SecretId = id, IncludeDeprecated = IncludeDeprecated ? true : null };
            var paginator = Client.ListSecretVersionIdsPages(request);
            while (TryNextPage(paginator, "List the versions of secret", id, out var page) && page is not null)
            {
                foreach (var version in page.Versions ?? new List<SecretVersionsListEntry>())
                {
                    // moto ignores IncludeDeprecated and lists unlabeled versions anyway: filter them here.
                    if (!IncludeDeprecated && (version.VersionStages is null || version.VersionStages.Count == 0))
                    {
                        continue;
                    }

                    WriteObject(new SecretVersion(page.Name, page.ARN, version.VersionId, version.VersionStages, version.CreatedDate, version.LastAccessedDate));
                }
            }
        }
    }
}
