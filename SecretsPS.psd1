@{
    RootModule           = 'SecretsPS.dll'
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Desktop', 'Core')
    GUID                 = '5f0d7d6e-3c2b-4a51-9f5e-2b8f9c1a7e41'
    Author               = 'SecretsPS contributors'
    CompanyName          = 'SecretsPS'
    Copyright            = '(c) SecretsPS contributors. Apache License 2.0.'
    Description          = 'Manage AWS Secrets Manager secrets from PowerShell: SecureString by default, JSON secrets as keys, hashtables or PSCredentials, one pipeline-friendly object type, batched reads, per-item errors, and a private load context so it loads next to AWS.Tools.'
    PowerShellVersion    = '5.1'
    FormatsToProcess     = @('SecretsPS.Format.ps1xml')
    CmdletsToExport      = @(
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
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('AWS', 'SecretsManager', 'Secrets', 'SecureString', 'PSEdition_Core', 'PSEdition_Desktop', 'Linux', 'Windows', 'MacOS')
            LicenseUri   = 'https://github.com/secretsps/SecretsPS/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/secretsps/SecretsPS'
            ReleaseNotes = 'See https://github.com/secretsps/SecretsPS/blob/main/CHANGELOG.md'
        }
    }
}
