@{
    RootModule             = 'SecretsPS.dll'
    ModuleVersion          = '0.1.0'
    # Desktop: Windows PowerShell 5.1 (AssemblyResolve over Dependencies/, not run on CI). Core: PowerShell 7.4+
    # (the SDK in a private AssemblyLoadContext; the loader is a net8.0 assembly).
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '5f0d7d6e-3c2b-4a51-9f5e-2b8f9c1a7e41'
    Author                 = 'SecretsPS contributors'
    CompanyName            = 'SecretsPS'
    Copyright              = '(c) SecretsPS contributors. Apache License 2.0.'
    Description            = 'Manage AWS Secrets Manager secrets from PowerShell: SecureString by default, JSON secrets as keys, hashtables or PSCredentials, one pipeline-friendly object type, batched reads, per-item errors, and a private load context so it loads next to AWS.Tools and other modules carrying their own AWSSDK.Core. Works on PowerShell 7.4+ (Windows, Linux, macOS); Windows PowerShell 5.1 support is untested.'
    PowerShellVersion      = '5.1'
    # netstandard2.0 assemblies need .NET Framework 4.7.2's built-in netstandard facades on Windows PowerShell.
    DotNetFrameworkVersion = '4.7.2'
    # No FormatsToProcess: SecretsPS.Format.ps1xml loads at the first SecretsPS command in a session (FormatData.cs),
    # because PowerShell rebuilds the whole session's format table for any module format file at import.
    CmdletsToExport        = @(
        'New-Secret'
        'Get-SecretValue'
        'Set-Secret'
        'Publish-SecretVersion'
        'Remove-Secret'
        'New-RandomPassword'
        'Find-Secret'
        'Get-SecretVersion'
        'Restore-Secret'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags                     = @('AWS', 'SecretsManager', 'AWSSecretsManager', 'Secrets', 'SecureString', 'Credentials', 'PSEdition_Core', 'PSEdition_Desktop', 'Linux', 'Windows', 'MacOS')
            LicenseUri               = 'https://github.com/secretsps/SecretsPS/blob/main/LICENSE'
            ProjectUri               = 'https://github.com/secretsps/SecretsPS'
            RequireLicenseAcceptance = $false
            ReleaseNotes             = @'
0.1.0
- First release: nine cmdlets (New-Secret, Get-SecretValue, Set-Secret, Publish-SecretVersion, Remove-Secret,
  New-RandomPassword, Find-Secret, Get-SecretVersion, Restore-Secret) on a Secrets Manager client built on AWSSDK.Core 4.1.
- The AWS SDK loads into a private AssemblyLoadContext on PowerShell 7.4+, only on first use; the views load at the
  first SecretsPS command in a session.
Full history: https://github.com/secretsps/SecretsPS/blob/main/CHANGELOG.md
'@
        }
    }
}
