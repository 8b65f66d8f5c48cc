#Requires -Version 7.4
# Coexistence with other modules' AWSSDK.Core, and lazy loading of the SDK. Every case runs in a FRESH pwsh child:
# which AWSSDK.Core wins the default load context is decided once per process, so cases cannot share one.
# The other Core versions come from NuGet (restored once into tools/, which the build ignores in git).

BeforeDiscovery {
    $otherCores = @(
        @{ PackageVersion = '3.7.501.1'; AssemblyVersion = '3.3.0.0' }
        @{ PackageVersion = '4.0.3.3'; AssemblyVersion = '4.0.0.0' }
    )
    $script:coexistenceCases = foreach ($core in $otherCores) {
        foreach ($order in 'OtherFirst', 'ModuleFirst') {
            $core + @{ Order = $order }
        }
    }
}

BeforeAll {
    $script:repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $version = (Import-PowerShellDataFile (Join-Path $repoRoot 'SecretsPS.psd1')).ModuleVersion
    $script:moduleDir = Join-Path $repoRoot "out/SecretsPS/$version"
    $script:manifest = Join-Path $moduleDir 'SecretsPS.psd1'
    if (-not (Test-Path $manifest)) {
        throw "Built module not found at $manifest; run ./build.ps1 -Task Build first."
    }
    $script:dependencyDir = Join-Path $moduleDir 'Dependencies'
    $script:endpoint = $env:SECRETSPS_TEST_ENDPOINT
    if (-not $endpoint) {
        throw 'SECRETSPS_TEST_ENDPOINT is not set; build.ps1 -Task Test starts moto and sets it.'
    }

    # The other module's Core, as AWS.Tools ships it for PowerShell 7: the package's net8.0 build.
    function Get-OtherCorePath([string] $PackageVersion) {
        $packages = Join-Path $repoRoot 'tools/coexistence-packages'
        $dll = Join-Path $packages "awssdk.core/$PackageVersion/lib/net8.0/AWSSDK.Core.dll"
        if (-not (Test-Path $dll)) {
            $project = Join-Path ([IO.Path]::GetTempPath()) "secretsps-coexistence-restore-$PID"
            $null = New-Item -ItemType Directory -Force $project
            try {
                Set-Content (Join-Path $project 'restore.csproj') @"
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="AWSSDK.Core" Version="[$PackageVersion]" />
  </ItemGroup>
</Project>
"@
                $log = & dotnet restore (Join-Path $project 'restore.csproj') --packages $packages 2>&1
                if ($LASTEXITCODE -ne 0 -or -not (Test-Path $dll)) {
                    throw "Restoring AWSSDK.Core $PackageVersion failed:`n$($log -join "`n")"
                }
            }
            finally {
                Remove-Item -Recurse -Force $project -ErrorAction SilentlyContinue
            }
        }
        return $dll
    }

    # Runs a script in a new pwsh process (same PowerShell as this one) and returns the object it printed as JSON
    # on its last output line. Any error in the child stops it with a non-zero exit code and fails the test.
    function Invoke-FreshPwsh([string] $Script, [hashtable] $Parameters = @{}) {
        $file = Join-Path ([IO.Path]::GetTempPath()) "secretsps-coexistence-$([guid]::NewGuid().ToString('n')).ps1"
        Set-Content -Path $file -Value $Script
        try {
            $hostArgs = @()
            $exe = [Environment]::ProcessPath
            if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') {
                $hostArgs = @(Join-Path $PSHOME 'pwsh.dll')
            }
            $scriptArgs = foreach ($key in $Parameters.Keys) { "-$key"; $Parameters[$key] }
            $output = & $exe @hostArgs -NoProfile -NonInteractive -File $file @scriptArgs 2>&1
            $exitCode = $LASTEXITCODE
            $text = ($output | ForEach-Object { "$_" }) -join "`n"
            if ($exitCode -ne 0) {
                throw "Child pwsh exited with $exitCode`:`n$text"
            }
            $last = $output | ForEach-Object { "$_" } | Where-Object { $_.StartsWith('{') } | Select-Object -Last 1
            if (-not $last) {
                throw "Child pwsh printed no result:`n$text"
            }
            return $last | ConvertFrom-Json
        }
        finally {
            Remove-Item $file -ErrorAction SilentlyContinue
        }
    }

    # Loads the other Core as another module would (LoadFrom into the default context), imports SecretsPS before or
    # after it, uses both, and reports where everything came from.
    $script:coexistenceScript = @'
param([string] $Manifest, [string] $OtherCore, [string] $Order, [string] $Endpoint)
$ErrorActionPreference = 'Stop'
$alc = [System.Runtime.Loader.AssemblyLoadContext]

function Use-OtherCore {
    $script:other = [System.Reflection.Assembly]::LoadFrom($OtherCore)
    # The other module's own types keep working on its own Core.
    $region = $other.GetType('Amazon.RegionEndpoint', $true)::GetBySystemName('eu-west-1')
    $credentials = $other.GetType('Amazon.Runtime.BasicAWSCredentials', $true)::new('AKIDOTHER', 'other-secret')
    $script:otherUse = @{
        RegionName            = $region.SystemName
        RegionFromOther       = [object]::ReferenceEquals($region.GetType().Assembly, $other)
        CredentialsAccessKey  = $credentials.GetCredentials().AccessKey
        CredentialsFromOther  = [object]::ReferenceEquals($credentials.GetType().Assembly, $other)
    }
}

function Use-SecretsPS([string] $Name) {
    $password = New-RandomPassword -Length 24 -AsPlainText -EndpointUrl $Endpoint
    $null = New-Secret -Name $Name -SecretString $password -EndpointUrl $Endpoint
    $read = Get-SecretValue -SecretId $Name -AsPlainText -EndpointUrl $Endpoint
    return @{ PasswordLength = "$password".Length; RoundTrip = ($read -ceq $password) }
}

if ($Order -eq 'OtherFirst') { Use-OtherCore }
Import-Module $Manifest
$first = Use-SecretsPS ('coexistence/' + [guid]::NewGuid().ToString('n'))
if ($Order -eq 'ModuleFirst') { Use-OtherCore }
# SecretsPS still works once both are loaded.
$second = Use-SecretsPS ('coexistence/' + [guid]::NewGuid().ToString('n'))

$cores = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'AWSSDK.Core' }
$ours = @($cores | Where-Object { -not [object]::ReferenceEquals($_, $other) })
[pscustomobject]@{
    First              = $first
    Second             = $second
    OtherUse           = $otherUse
    OtherVersion       = $other.GetName().Version.ToString()
    OtherLocation      = $other.Location
    OtherIsDefault     = [object]::ReferenceEquals($alc::GetLoadContext($other), $alc::Default)
    CoreCount          = @($cores).Count
    OursLocation       = @($ours.Location)
    OursIsDefault      = @($ours | ForEach-Object { [object]::ReferenceEquals($alc::GetLoadContext($_), $alc::Default) })
    OtherTypeResolves  = [object]::ReferenceEquals($other.GetType('Amazon.RegionEndpoint').Assembly, $other)
} | ConvertTo-Json -Compress -Depth 4
'@
}

Describe 'Coexistence with another module''s AWSSDK.Core (fresh pwsh per case)' -Tag 'Integration', 'Coexistence' {
    It 'AWSSDK.Core <PackageVersion> (<AssemblyVersion>), <Order>: both modules work on their own Core' -ForEach $coexistenceCases {
        $otherCore = Get-OtherCorePath $PackageVersion
        $result = Invoke-FreshPwsh $coexistenceScript @{
            Manifest  = $manifest
            OtherCore = $otherCore
            Order     = $Order
            Endpoint  = $endpoint
        }

        # SecretsPS: a 24-character password, written and read back, before and after the other Core loaded.
        $result.First.PasswordLength | Should -Be 24
        $result.First.RoundTrip | Should -BeTrue
        $result.Second.PasswordLength | Should -Be 24
        $result.Second.RoundTrip | Should -BeTrue

        # The other module got the Core it asked for, in the default context, and its types work.
        $result.OtherVersion | Should -Be $AssemblyVersion
        $result.OtherLocation | Should -Be $otherCore
        $result.OtherIsDefault | Should -BeTrue
        $result.OtherTypeResolves | Should -BeTrue
        $result.OtherUse.RegionName | Should -Be 'eu-west-1'
        $result.OtherUse.RegionFromOther | Should -BeTrue
        $result.OtherUse.CredentialsAccessKey | Should -Be 'AKIDOTHER'
        $result.OtherUse.CredentialsFromOther | Should -BeTrue

        # SecretsPS ran on its own Core from Dependencies/, outside the default context.
        $result.CoreCount | Should -Be 2
        $result.OursLocation | Should -Be (Join-Path $dependencyDir 'AWSSDK.Core.dll')
        $result.OursIsDefault | Should -Be $false
    }
}

Describe 'Lazy loading into the module''s own load context (fresh pwsh)' -Tag 'Integration', 'Coexistence' {
    BeforeAll {
        $script:lazy = Invoke-FreshPwsh @'
param([string] $Manifest, [string] $Endpoint)
$ErrorActionPreference = 'Stop'
$alc = [System.Runtime.Loader.AssemblyLoadContext]
function Get-Loaded {
    [AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object {
        $context = $alc::GetLoadContext($_)
        [pscustomobject]@{
            Name      = $_.GetName().Name
            Location  = $_.Location
            Context   = $context.Name
            IsDefault = [object]::ReferenceEquals($context, $alc::Default)
        }
    }
}
$viewTypes = 'SecretsPS.SecretInfo', 'SecretsPS.SecretValue', 'SecretsPS.SecretVersion', 'SecretsPS.SecretDeletionInfo'
Import-Module $Manifest
$afterImport = @(Get-Loaded | Where-Object { $_.Name -like 'AWSSDK*' -or $_.Name -eq 'SecretsPS.Client' })
$viewsAfterImport = @(Get-FormatData -TypeName $viewTypes)
# Preferences that would turn loading the views into a "What if:" line or a prompt if they reached it.
$WhatIfPreference = $true
$ConfirmPreference = 'Low'
$password = New-RandomPassword -Length 16 -AsPlainText -EndpointUrl $Endpoint
$afterCall = @(Get-Loaded)
$viewsAfterCall = @(Get-FormatData -TypeName $viewTypes)
$clientContext = ($afterCall | Where-Object Name -eq 'SecretsPS.Client').Context
[pscustomobject]@{
    AfterImport    = $afterImport
    ViewsAtImport  = @($viewsAfterImport.TypeNames)
    ViewsAfterCall = @($viewsAfterCall.TypeNames)
    PasswordLength = "$password".Length
    Sdk            = @($afterCall | Where-Object Name -like 'AWSSDK*')
    Client         = @($afterCall | Where-Object Name -eq 'SecretsPS.Client')
    Cmdlets        = @($afterCall | Where-Object Name -eq 'SecretsPS')
    Private        = @($afterCall | Where-Object { -not $_.IsDefault -and $_.Context -eq $clientContext })
    Framework      = @($afterCall | Where-Object { $_.Name -in 'System.Text.Json', 'System.Memory', 'System.Management.Automation' })
} | ConvertTo-Json -Compress -Depth 4
'@ @{ Manifest = $manifest; Endpoint = $endpoint }
    }

    It 'loads no AWS SDK assembly (nor SecretsPS.Client) on Import-Module' {
        $lazy.AfterImport | Should -BeNullOrEmpty
    }

    It 'loads its views (SecretsPS.Format.ps1xml) on the first call, not on Import-Module' {
        $lazy.ViewsAtImport | Should -BeNullOrEmpty
        $lazy.ViewsAfterCall | Sort-Object | Should -Be @('SecretsPS.SecretDeletionInfo', 'SecretsPS.SecretInfo', 'SecretsPS.SecretValue', 'SecretsPS.SecretVersion')
    }

    It 'loads the SDK on the first call, into the module''s private context' {
        $lazy.PasswordLength | Should -Be 16
        $lazy.Sdk.Name | Should -Contain 'AWSSDK.Core'
        foreach ($assembly in $lazy.Sdk) {
            $assembly.IsDefault | Should -BeFalse -Because "$($assembly.Name) must not be in the default context"
            $assembly.Context | Should -Be $lazy.Client[0].Context
        }
        $lazy.Client.Count | Should -Be 1
        $lazy.Client[0].IsDefault | Should -BeFalse
    }

    It 'keeps the cmdlet assembly in the default context' {
        $lazy.Cmdlets.Count | Should -Be 1
        $lazy.Cmdlets[0].IsDefault | Should -BeTrue
    }

    It 'loads only Dependencies/ files privately; framework and PowerShell assemblies stay shared' {
        foreach ($assembly in $lazy.Private) {
            [IO.Path]::GetDirectoryName($assembly.Location) | Should -Be $dependencyDir -Because "$($assembly.Name) is private"
        }
        foreach ($assembly in $lazy.Framework) {
            $assembly.IsDefault | Should -BeTrue -Because "$($assembly.Name) comes from the runtime or PowerShell"
        }
        $lazy.Private.Name | Should -Not -Contain 'System.Text.Json'
    }
}

Describe 'Core''s name-based load of AWSSDK.SecurityToken (assume-role profile, fresh pwsh)' -Tag 'Integration', 'Coexistence' {
    It 'resolves AWSSDK.SecurityToken in the private context while AWSSDK.Core 3.7 owns the default one' {
        $awsDir = Join-Path ([IO.Path]::GetTempPath()) "secretsps-assume-$([guid]::NewGuid().ToString('n'))"
        $null = New-Item -ItemType Directory $awsDir
        try {
            Set-Content (Join-Path $awsDir 'credentials') "[base]`naws_access_key_id = testing`naws_secret_access_key = testing`n"
            Set-Content (Join-Path $awsDir 'config') "[profile assumed]`nrole_arn = arn:aws:iam::123456789012:role/secretsps-test`nsource_profile = base`nregion = us-east-1`n"
            $result = Invoke-FreshPwsh @'
param([string] $Manifest, [string] $OtherCore, [string] $Endpoint, [string] $AwsDir)
$ErrorActionPreference = 'Stop'
$alc = [System.Runtime.Loader.AssemblyLoadContext]
$env:AWS_CONFIG_FILE = Join-Path $AwsDir 'config'
$env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $AwsDir 'credentials'
$env:AWS_ENDPOINT_URL_STS = $Endpoint
$other = [System.Reflection.Assembly]::LoadFrom($OtherCore)
Import-Module $Manifest
$password = New-RandomPassword -Length 20 -AsPlainText -ProfileName assumed -EndpointUrl $Endpoint
$sts = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'AWSSDK.SecurityToken' })
[pscustomobject]@{
    PasswordLength = "$password".Length
    StsLocation    = @($sts.Location)
    StsIsDefault   = @($sts | ForEach-Object { [object]::ReferenceEquals($alc::GetLoadContext($_), $alc::Default) })
} | ConvertTo-Json -Compress
'@ @{ Manifest = $manifest; OtherCore = (Get-OtherCorePath '3.7.501.1'); Endpoint = $endpoint; AwsDir = $awsDir }

            $result.PasswordLength | Should -Be 20
            $result.StsLocation | Should -Be (Join-Path $dependencyDir 'AWSSDK.SecurityToken.dll')
            $result.StsIsDefault | Should -Be $false
        }
        finally {
            Remove-Item -Recurse -Force $awsDir -ErrorAction SilentlyContinue
        }
    }
}
