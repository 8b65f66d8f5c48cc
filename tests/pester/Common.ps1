<#
.SYNOPSIS
    Shared setup for every tests/pester/*.Tests.ps1 file.

.DESCRIPTION
    Dot-source it in a BeforeAll block (and in BeforeDiscovery if discovery needs the values):

        BeforeAll { . $PSScriptRoot/Common.ps1 }

    It imports the module built by `./build.ps1 -Task Build` from out/SecretsPS/<version>/ (never from bin/ or
    obj/), and defines:
        $RepoRoot, $ModuleVersion, $ModuleDir, $ModuleManifest  where the built module is
        $Endpoint                                               the moto URL (SECRETSPS_TEST_ENDPOINT)
        $EndpointParams                                         @{ EndpointUrl = $Endpoint }, for splatting
        New-TestSecretName [-Prefix]                            a unique secret name per call
        Invoke-ChildPwsh -Command <string>                      runs code in a new pwsh process (same pwsh)
        Invoke-Boto3 -Script <python> [-ArgumentList]           boto3 against moto; prints/returns stdout
        Invoke-AwsCli <args...>                                 the AWS CLI against moto; returns parsed JSON
    build.ps1's Test task starts moto and sets SECRETSPS_TEST_ENDPOINT, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY
    (testing/testing) and AWS_REGION (us-east-1), with the developer's own AWS configuration masked.

.PARAMETER NoImport
    Define the variables and helpers without importing the module (tests that control the import order, or
    that only run code in fresh processes).
#>
param([switch] $NoImport)

$script:RepoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
$script:ModuleVersion = [string](Import-PowerShellDataFile -LiteralPath (Join-Path $script:RepoRoot 'SecretsPS.psd1')).ModuleVersion
$script:ModuleDir = Join-Path $script:RepoRoot "out/SecretsPS/$($script:ModuleVersion)"
$script:ModuleManifest = Join-Path $script:ModuleDir 'SecretsPS.psd1'
$script:Endpoint = $env:SECRETSPS_TEST_ENDPOINT
$script:EndpointParams = @{ EndpointUrl = $env:SECRETSPS_TEST_ENDPOINT }

if (-not (Test-Path -LiteralPath $script:ModuleManifest)) {
    throw "The built module is missing at $($script:ModuleManifest). Run: dotnet pwsh ./build.ps1 -Task Build"
}
if (-not $script:Endpoint) {
    Write-Warning 'SECRETSPS_TEST_ENDPOINT is not set: tests that need moto will fail. Run them with: dotnet pwsh ./build.ps1 -Task Test'
}

if (-not $NoImport) {
    $loaded = Get-Module -Name SecretsPS
    if (-not $loaded -or $loaded.ModuleBase -ne $script:ModuleDir) {
        Import-Module -Name $script:ModuleManifest -Force -ErrorAction Stop
    }
}

function New-TestSecretName {
    <# A name no other test (or earlier run against the same server) uses: <Prefix>-<12 hex digits>. #>
    param([string] $Prefix = 'pester')
    return '{0}-{1}' -f $Prefix, [guid]::NewGuid().ToString('N').Substring(0, 12)
}

function Invoke-ChildPwsh {
    <#
    Runs -Command in a new pwsh process without a profile (the same pwsh as this one: `dotnet pwsh.dll` under
    the .NET tool) and returns its output lines. Throws on a non-zero exit code unless -AllowFailure; the exit
    code is in $LASTEXITCODE afterwards.
    #>
    param([Parameter(Mandatory)][string] $Command, [switch] $AllowFailure)
    $exe = [Environment]::ProcessPath
    $prefix = @()
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $prefix = @(Join-Path $PSHOME 'pwsh.dll') }
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Command))
    $output = & $exe @prefix -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1
    if ($LASTEXITCODE -ne 0 -and -not $AllowFailure) {
        throw "The fresh pwsh exited with code $LASTEXITCODE`n$($output -join "`n")"
    }
    return $output
}

function Invoke-Boto3 {
    <#
    Runs Python code with `client` already bound to a boto3 Secrets Manager client for moto (endpoint, region
    and fake keys come from the environment build.ps1 sets). Arguments arrive in sys.argv[1:]. Returns the
    script's stdout lines; throws with stderr when python exits non-zero. Example:
        Invoke-Boto3 -Script 'print(client.get_secret_value(SecretId=sys.argv[1])["SecretString"])' -ArgumentList $name
    #>
    param([Parameter(Mandatory)][string] $Script, [string[]] $ArgumentList = @())
    $prelude = @'
import base64, json, os, sys
import boto3
client = boto3.client("secretsmanager", endpoint_url=os.environ["SECRETSPS_TEST_ENDPOINT"],
                      region_name=os.environ.get("AWS_REGION", "us-east-1"))
'@
    $file = Join-Path ([IO.Path]::GetTempPath()) "secretsps-boto3-$([guid]::NewGuid().ToString('N')).py"
    Set-Content -LiteralPath $file -Value ($prelude + "`n" + $Script) -Encoding utf8NoBOM
    $stderr = Join-Path ([IO.Path]::GetTempPath()) "secretsps-boto3-$([guid]::NewGuid().ToString('N')).err"
    try {
        $env:PYTHONIOENCODING = 'utf-8'
        $output = & python3 $file @ArgumentList 2>$stderr
        if ($LASTEXITCODE -ne 0) {
            throw "boto3 script failed (exit code $LASTEXITCODE): $(Get-Content -LiteralPath $stderr -Raw)"
        }
        return $output
    }
    finally {
        Remove-Item -LiteralPath $file, $stderr -ErrorAction Ignore
    }
}

function Invoke-AwsCli {
    <#
    Runs `aws <arguments> --endpoint-url <moto> --output json` and returns the parsed JSON (or $null when the
    command prints nothing). Throws with stderr on a non-zero exit code. Example:
        (Invoke-AwsCli secretsmanager get-secret-value --secret-id $name).SecretString
    #>
    $stderr = Join-Path ([IO.Path]::GetTempPath()) "secretsps-awscli-$([guid]::NewGuid().ToString('N')).err"
    try {
        $output = & aws @args --endpoint-url $env:SECRETSPS_TEST_ENDPOINT --output json 2>$stderr
        if ($LASTEXITCODE -ne 0) {
            throw "aws $($args -join ' ') failed (exit code $LASTEXITCODE): $(Get-Content -LiteralPath $stderr -Raw)"
        }
        $text = $output -join "`n"
        if ([string]::IsNullOrWhiteSpace($text)) { return $null }
        return $text | ConvertFrom-Json
    }
    finally {
        Remove-Item -LiteralPath $stderr -ErrorAction Ignore
    }
}
