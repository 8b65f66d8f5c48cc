#Requires -Version 7.4
# The package users install: out/SecretsPS.<version>.nupkg, made by `./build.ps1 -Task Package` with
# Publish-PSResource. It is installed with PSResourceGet (shipped with PowerShell 7.4+) from a temporary local folder
# repository into a temporary user module path, in a fresh pwsh whose HOME is a temporary folder, so neither the
# repository registration nor the installed module touches the real user profile.

BeforeAll {
    $script:repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:version = (Import-PowerShellDataFile (Join-Path $repoRoot 'SecretsPS.psd1')).ModuleVersion
    $script:nupkg = Join-Path $repoRoot "out/SecretsPS.$version.nupkg"
    if (-not (Test-Path $nupkg)) {
        throw "Package not found at $nupkg; run ./build.ps1 -Task Package first."
    }
    $script:endpoint = $env:SECRETSPS_TEST_ENDPOINT
    if (-not $endpoint) {
        throw 'SECRETSPS_TEST_ENDPOINT is not set; build.ps1 -Task Test starts moto and sets it.'
    }
    $script:expectedCmdlets = @(
        'Find-Secret', 'Get-SecretValue', 'Get-SecretVersion', 'New-RandomPassword', 'New-Secret',
        'Publish-SecretVersion', 'Remove-Secret', 'Restore-Secret', 'Set-Secret'
    )

    Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
    $zip = [IO.Compression.ZipFile]::OpenRead($nupkg)
    try {
        $script:entries = @($zip.Entries | ForEach-Object { $_.FullName -replace '\\', '/' })
        function Read-Entry([string] $Name) {
            $entry = $zip.Entries | Where-Object { ($_.FullName -replace '\\', '/') -eq $Name } | Select-Object -First 1
            if (-not $entry) { throw "$Name is not in $nupkg" }
            $reader = [IO.StreamReader]::new($entry.Open())
            try { $reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        $script:nuspec = [xml](Read-Entry 'SecretsPS.nuspec')
        $manifestFile = Join-Path ([IO.Path]::GetTempPath()) "secretsps-packaged-$([guid]::NewGuid().ToString('n')).psd1"
        Set-Content -Path $manifestFile -Value (Read-Entry 'SecretsPS.psd1')
        try { $script:packagedManifest = Import-PowerShellDataFile $manifestFile } finally { Remove-Item $manifestFile }
    }
    finally {
        $zip.Dispose()
    }

    # Starts the same PowerShell as this one with the given environment changes ($null removes a variable) and
    # returns the object the script printed as JSON on its last output line.
    function Invoke-FreshPwsh([string] $Script, [hashtable] $Parameters, [hashtable] $Environment) {
        $file = Join-Path ([IO.Path]::GetTempPath()) "secretsps-package-$([guid]::NewGuid().ToString('n')).ps1"
        Set-Content -Path $file -Value $Script
        try {
            $psi = [Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
            if ([IO.Path]::GetFileNameWithoutExtension($psi.FileName) -eq 'dotnet') {
                $psi.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll'))
            }
            foreach ($arg in '-NoProfile', '-NonInteractive', '-File', $file) { $psi.ArgumentList.Add($arg) }
            foreach ($key in $Parameters.Keys) {
                $psi.ArgumentList.Add("-$key")
                $psi.ArgumentList.Add([string] $Parameters[$key])
            }
            foreach ($key in $Environment.Keys) {
                if ($null -eq $Environment[$key]) { $null = $psi.Environment.Remove($key) }
                else { $psi.Environment[$key] = $Environment[$key] }
            }
            $psi.RedirectStandardOutput = $true
            $psi.RedirectStandardError = $true
            $psi.UseShellExecute = $false
            $process = [Diagnostics.Process]::Start($psi)
            $stderr = $process.StandardError.ReadToEndAsync()
            $stdout = $process.StandardOutput.ReadToEnd()
            $process.WaitForExit()
            $text = "$stdout`n$($stderr.GetAwaiter().GetResult())"
            if ($process.ExitCode -ne 0) {
                throw "Child pwsh exited with $($process.ExitCode):`n$text"
            }
            $last = $stdout -split "`r?`n" | Where-Object { $_.StartsWith('{') } | Select-Object -Last 1
            if (-not $last) {
                throw "Child pwsh printed no result:`n$text"
            }
            return $last | ConvertFrom-Json
        }
        finally {
            Remove-Item $file -ErrorAction SilentlyContinue
        }
    }
}

Describe 'The built package' -Tag 'Package' {
    It 'carries the metadata the PowerShell Gallery shows' {
        $meta = $nuspec.package.metadata
        $meta.id | Should -Be 'SecretsPS'
        $meta.version | Should -Be $version
        $meta.authors | Should -Not -BeNullOrEmpty
        $meta.description | Should -Match 'Secrets Manager'
        $meta.projectUrl | Should -Match '^https://'
        $meta.licenseUrl | Should -Match '^https://'
        $meta.releaseNotes | Should -Not -BeNullOrEmpty
        $tags = $meta.tags -split '\s+'
        foreach ($tag in 'PSModule', 'AWS', 'SecretsManager', 'PSEdition_Core', 'PSEdition_Desktop') {
            $tags | Should -Contain $tag
        }
    }

    It 'holds the module layout: cmdlets and loader at the root, client and SDK only in Dependencies/' {
        foreach ($file in 'SecretsPS.psd1', 'SecretsPS.dll', 'SecretsPS.LoadContext.dll', 'SecretsPS.Format.ps1xml',
            'en-US/SecretsPS.dll-Help.xml', 'Dependencies/SecretsPS.Client.dll', 'Dependencies/AWSSDK.Core.dll',
            'Dependencies/AWSSDK.SecurityToken.dll', 'Dependencies/AWSSDK.SSO.dll', 'Dependencies/AWSSDK.SSOOIDC.dll') {
            $entries | Should -Contain $file
        }
        $entries | Where-Object { $_ -notlike '*/*' -and ($_ -like 'AWSSDK*' -or $_ -eq 'SecretsPS.Client.dll') } |
            Should -BeNullOrEmpty -Because 'a client or SDK beside SecretsPS.dll would load into the default context'
    }

    It 'has a manifest with explicit exports and both editions' {
        $packagedManifest.ModuleVersion | Should -Be $version
        $packagedManifest.RootModule | Should -Be 'SecretsPS.dll'
        @($packagedManifest.CmdletsToExport | Sort-Object) | Should -Be $expectedCmdlets
        foreach ($kind in 'CmdletsToExport', 'FunctionsToExport', 'VariablesToExport', 'AliasesToExport') {
            $packagedManifest[$kind] | Where-Object { $_ -match '[*?]' } | Should -BeNullOrEmpty -Because "$kind has no wildcards"
        }
        @($packagedManifest.FunctionsToExport).Count | Should -Be 0
        @($packagedManifest.VariablesToExport).Count | Should -Be 0
        @($packagedManifest.AliasesToExport).Count | Should -Be 0
        $packagedManifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $packagedManifest.Description | Should -Not -BeNullOrEmpty
        $packagedManifest.Author | Should -Not -BeNullOrEmpty
    }
}

Describe 'Installing the package with PSResourceGet (fresh pwsh, temporary HOME)' -Tag 'Package', 'Integration' {
    BeforeAll {
        $script:sandbox = Join-Path ([IO.Path]::GetTempPath()) "secretsps-package-$([guid]::NewGuid().ToString('n'))"
        $script:sandboxHome = Join-Path $sandbox 'home'
        $feed = Join-Path $sandbox 'feed'
        # .NET reports LocalApplicationData (where PSResourceGet keeps its repository list) only if it exists.
        $null = New-Item -ItemType Directory -Force (Join-Path $sandboxHome '.local/share'), $feed
        Copy-Item $nupkg $feed

        $script:install = Invoke-FreshPwsh -Script @'
param([string] $Feed, [string] $Version, [string] $Endpoint)
$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name SecretsPSPackageTest -Uri $Feed -Trusted
$found = Find-PSResource -Name SecretsPS -Repository SecretsPSPackageTest
Install-PSResource -Name SecretsPS -Version $Version -Repository SecretsPSPackageTest -Scope CurrentUser -TrustRepository -Quiet
$installed = Get-InstalledPSResource -Name SecretsPS
Import-Module SecretsPS
$module = Get-Module SecretsPS
$password = New-RandomPassword -Length 12 -AsPlainText -EndpointUrl $Endpoint
[pscustomobject]@{
    FoundVersion      = $found.Version.ToString()
    InstalledLocation = $installed.InstalledLocation
    ModuleBase        = $module.ModuleBase
    ModuleVersion     = $module.Version.ToString()
    ExportedCmdlets   = @($module.ExportedCmdlets.Keys | Sort-Object)
    PasswordLength    = "$password".Length
} | ConvertTo-Json -Compress
'@ -Parameters @{ Feed = $feed; Version = $version; Endpoint = $endpoint } -Environment @{
            HOME            = $sandboxHome
            XDG_DATA_HOME   = $null
            XDG_CONFIG_HOME = $null
            XDG_CACHE_HOME  = $null
        }
    }

    AfterAll {
        Remove-Item -Recurse -Force $sandbox -ErrorAction SilentlyContinue
    }

    It 'finds and installs the package from a local folder repository into the temporary user path' {
        $install.FoundVersion | Should -Be $version
        $install.InstalledLocation | Should -BeLike "$sandboxHome*"
    }

    It 'imports the installed module by name from there and runs a cmdlet against moto' {
        $install.ModuleBase | Should -BeLike "$sandboxHome*"
        $install.ModuleVersion | Should -Be $version
        $install.ExportedCmdlets | Should -Be $expectedCmdlets
        $install.PasswordLength | Should -Be 12
    }
}
