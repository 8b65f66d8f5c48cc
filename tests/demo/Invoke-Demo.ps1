<#
.SYNOPSIS
    The seed walkthrough (create, read, update, version, delete, restore, random passwords) through the SecretsPS
    cmdlets, printing each command and what a user sees.

.DESCRIPTION
    Run by `dotnet pwsh ./build.ps1 -Task Demo`, which builds the module, starts a moto server and runs this script
    in a fresh pwsh with fake credentials (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY=testing, AWS_REGION=us-east-1).
    It stops at the first error (non-zero exit code).
#>
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $EndpointUrl
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

function Show-Step {
    # Prints the command exactly as it runs, then its output through the module's default views.
    param([Parameter(Mandatory)][string] $Title, [Parameter(Mandatory)][string] $Command)
    Write-Host ''
    Write-Host "=== $Title ===" -ForegroundColor Cyan
    Write-Host "PS> $Command" -ForegroundColor Yellow
    $output = . ([scriptblock]::Create($Command))
    if ([Console]::IsOutputRedirected) {
        # A log or a pipe has no width of its own: give the table views room instead of PowerShell's 80 columns.
        $output | Out-String -Width 160 -Stream | ForEach-Object TrimEnd | Write-Host
    }
    else {
        $output | Out-Host
    }
}

Write-Host "SecretsPS demo against the moto server at $EndpointUrl" -ForegroundColor Green
Import-Module -Name $ModulePath
Write-Host "Imported SecretsPS $((Get-Module SecretsPS).Version) from $(Split-Path $ModulePath)"
# Every cmdlet below talks to moto; against AWS itself you would leave -EndpointUrl out.
foreach ($command in Get-Command -Module SecretsPS) {
    $PSDefaultParameterValues["$($command.Name):EndpointUrl"] = $EndpointUrl
}
Write-Host "(-EndpointUrl $EndpointUrl is set for every SecretsPS cmdlet through `$PSDefaultParameterValues)"

$stringSecret = 'demo/my-test-secret-str'
$binarySecret = 'demo/my-byte-secret'

Show-Step 'Create a string secret' "New-Secret -Name '$stringSecret' -SecretString 'test-secret-str'"
Show-Step 'Create a binary secret' "New-Secret -Name '$binarySecret' -SecretBinary ([Text.Encoding]::UTF8.GetBytes('my-secret'))"

Show-Step 'Get the current value (a SecureString unless you ask for plain text)' "Get-SecretValue -SecretId '$stringSecret'"
Show-Step 'Get the current value as plain text' "Get-SecretValue -SecretId '$stringSecret' -AsPlainText"
Show-Step 'Get the binary value' "Get-SecretValue -SecretId '$binarySecret' | ForEach-Object { [Text.Encoding]::UTF8.GetString(`$_.SecretBinary) }"

Show-Step 'Update the secret' "Set-Secret -SecretId '$stringSecret' -SecretString 'test-secret-str-new-value' -PassThru"
Show-Step 'Put a new version with a custom staging label' "Publish-SecretVersion -SecretId '$stringSecret' -SecretString 'test-secret-str-custom' -VersionStage custom"
Show-Step 'Get the version labelled custom' "Get-SecretValue -SecretId '$stringSecret' -VersionStage custom -AsPlainText"
Show-Step 'Get the current version: the update is still AWSCURRENT' "Get-SecretValue -SecretId '$stringSecret' -AsPlainText"
Show-Step 'List the versions and their labels' "Get-SecretVersion -SecretId '$stringSecret'"

Show-Step 'Delete the binary secret at once, without recovery' "Remove-Secret -SecretId '$binarySecret' -ForceDeleteWithoutRecovery -Force -PassThru"
Show-Step 'Delete the string secret with a 7-day recovery window' "Remove-Secret -SecretId '$stringSecret' -RecoveryWindowInDays 7 -Force -PassThru"
Write-Host ''
Write-Host '=== While it is scheduled for deletion, reading it fails ===' -ForegroundColor Cyan
Write-Host "PS> Get-SecretValue -SecretId '$stringSecret' -AsPlainText" -ForegroundColor Yellow
$readFailed = $false
try {
    Get-SecretValue -SecretId $stringSecret -AsPlainText -ErrorAction Stop | Out-Host
}
catch {
    $readFailed = $true
    Write-Host "Get-SecretValue: $($_.Exception.Message)" -ForegroundColor Red
    Write-Host "  (ErrorId $($_.FullyQualifiedErrorId), category $($_.CategoryInfo.Category))"
}
if (-not $readFailed) { throw 'Reading a secret scheduled for deletion unexpectedly succeeded.' }
Show-Step 'Restore it' "Restore-Secret -SecretId '$stringSecret' -PassThru"
Show-Step 'Read it again' "Get-SecretValue -SecretId '$stringSecret' -AsPlainText"

Show-Step 'A random password of 32 characters' 'New-RandomPassword -Length 32 -AsPlainText'
Show-Step 'A random password of 4096 characters (its length and first 64 characters)' `
    'New-RandomPassword -Length 4096 -AsPlainText | ForEach-Object { "Length: $($_.Length)"; "Starts with: $($_.Substring(0, 64))..." }'
Show-Step 'A random password straight into a new secret' "New-RandomPassword -Length 24 | New-Secret -Name 'demo/db-password'"

Write-Host ''
Write-Host 'Demo complete.' -ForegroundColor Green
