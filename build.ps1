#Requires -Version 7.4
<#
.SYNOPSIS
    The one entry point for building, testing, packaging and demonstrating SecretsPS.

.DESCRIPTION
    Run from the repository root after `dotnet tool restore`:

        dotnet pwsh ./build.ps1 -Task Build      # default: assemble out/SecretsPS/<version>/
        dotnet pwsh ./build.ps1 -Task Test       # Build, then xunit + Pester against a local moto server
        dotnet pwsh ./build.ps1 -Task Demo       # Build, then the seed walkthrough through the cmdlets
        dotnet pwsh ./build.ps1 -Task Docs       # Build, including the compiled help (fails without a help compiler)
        dotnet pwsh ./build.ps1 -Task Package    # Build, then out/SecretsPS.<version>.nupkg (verified by a local install)
        dotnet pwsh ./build.ps1 -Task Clean      # remove out/, TestResults/ and the projects' bin/ and obj/

    The script is its own front door: it restores Invoke-Build and Pester from NuGet into the git-ignored tools/
    folder (no PowerShell Gallery), then runs the tasks defined below as an Invoke-Build inline script.
    The module version comes from the root SecretsPS.psd1 (ModuleVersion), the one version source.

.PARAMETER Task
    Build (default), Test, Demo, Docs, Package or Clean.

.PARAMETER Configuration
    The .NET build configuration, Release (default) or Debug.

.PARAMETER Suite
    Test only: All (default), Xunit or Pester.

.PARAMETER PesterPath
    Test only: Pester files or folders to run instead of tests/pester.

.PARAMETER Tag
    Test only: run only the Pester tests carrying one of these tags.

.PARAMETER ExcludeTag
    Test only: skip the Pester tests carrying one of these tags.

.PARAMETER XunitFilter
    Test only: a `dotnet test --filter` expression for the xunit suite.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Docs', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    [ValidateSet('All', 'Xunit', 'Pester')]
    [string] $Suite = 'All',

    [string[]] $PesterPath,

    [string[]] $Tag,

    [string[]] $ExcludeTag,

    [string] $XunitFilter
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$env:DOTNET_NOLOGO = '1'

$RepoRoot = $PSScriptRoot
$ToolsDir = Join-Path $RepoRoot 'tools'
$OutDir = Join-Path $RepoRoot 'out'
$TestResultsDir = Join-Path $RepoRoot 'TestResults'
$PesterVersion = '6.2.0'
$InvokeBuildVersion = '5.14.23'
$PesterManifest = Join-Path $ToolsDir "packages/pester/$PesterVersion/tools/Pester.psd1"
$InvokeBuildScript = Join-Path $ToolsDir "packages/invoke-build/$InvokeBuildVersion/tools/Invoke-Build.ps1"
$ModuleVersion = [string](Import-PowerShellDataFile (Join-Path $RepoRoot 'SecretsPS.psd1')).ModuleVersion
$ModuleDir = Join-Path $OutDir "SecretsPS/$ModuleVersion"
# Tasks report back through this table; the front door prints the test summary as the very last line.
$BuildState = @{ Summary = $null }

# Helpers, used by the tasks below through PowerShell's dynamic scoping.

function Initialize-BuildTool {
    if ((Test-Path -LiteralPath $PesterManifest) -and (Test-Path -LiteralPath $InvokeBuildScript)) {
        return
    }
    Write-Host "Restoring Pester $PesterVersion and Invoke-Build $InvokeBuildVersion from NuGet into tools/packages"
    $restoreDir = Join-Path $ToolsDir 'restore'
    $null = New-Item -ItemType Directory -Force -Path $restoreDir
    # Empty Directory.* files stop MSBuild from importing the repository's build policy and central versions
    # into this throw-away project.
    foreach ($name in 'Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props') {
        Set-Content -LiteralPath (Join-Path $restoreDir $name) -Value '<Project />' -Encoding utf8NoBOM
    }
    Set-Content -LiteralPath (Join-Path $restoreDir 'BuildTools.csproj') -Encoding utf8NoBOM -Value @"
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Pester" Version="[$PesterVersion]" />
    <PackageDownload Include="Invoke-Build" Version="[$InvokeBuildVersion]" />
  </ItemGroup>
</Project>
"@
    & dotnet restore (Join-Path $restoreDir 'BuildTools.csproj') --packages (Join-Path $ToolsDir 'packages') --nologo |
        Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet restore of the build tools failed (exit code $LASTEXITCODE)." }
    foreach ($path in $PesterManifest, $InvokeBuildScript) {
        if (-not (Test-Path -LiteralPath $path)) { throw "The restored build tools lack '$path'." }
    }
}

# The pwsh running this script, as a command line for child processes: `dotnet pwsh` runs pwsh.dll under the
# dotnet host, so the child is `dotnet <PSHOME>/pwsh.dll`; an installed pwsh is used as it is.
function Get-PwshCommandLine {
    $exe = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') {
        return , @($exe, (Join-Path $PSHOME 'pwsh.dll'))
    }
    return , @($exe)
}

# Runs a script in a fresh pwsh process (no profile) and returns its exit code; output goes to the console.
# -Environment changes variables for the child only ($null removes one). A child still running after
# -TimeoutMinutes is killed with its process tree and reported as exit code -1, so a hung test cannot run into CI's
# own limit and take the closing line with it.
function Invoke-FreshPwsh {
    param(
        [Parameter(Mandatory)][string] $File,
        [string[]] $ArgumentList = @(),
        [hashtable] $Environment = @{},
        [int] $TimeoutMinutes = 30
    )
    $commandLine = Get-PwshCommandLine
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($commandLine[0])
    $startInfo.UseShellExecute = $false
    foreach ($argument in @($commandLine | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $File) + $ArgumentList) {
        $startInfo.ArgumentList.Add([string]$argument)
    }
    foreach ($name in $Environment.Keys) {
        if ($null -eq $Environment[$name]) { $null = $startInfo.Environment.Remove($name) }
        else { $startInfo.Environment[$name] = [string]$Environment[$name] }
    }
    $process = [System.Diagnostics.Process]::Start($startInfo)
    try {
        if (-not $process.WaitForExit([int][TimeSpan]::FromMinutes($TimeoutMinutes).TotalMilliseconds)) {
            Write-Build Red "$([IO.Path]::GetFileName($File)) did not finish within $TimeoutMinutes minutes: stopped."
            $process.Kill($true)
            $process.WaitForExit()
            return -1
        }
        $process.WaitForExit()
        return $process.ExitCode
    }
    finally {
        $process.Dispose()
    }
}

function New-TemporaryFolder {
    param([Parameter(Mandatory)][string] $Prefix)
    $path = Join-Path ([IO.Path]::GetTempPath()) "$Prefix-$([guid]::NewGuid().ToString('N'))"
    return (New-Item -ItemType Directory -Force -Path $path).FullName
}

function Get-FreeTcpPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    try {
        $listener.Start()
        return ([System.Net.IPEndPoint]$listener.LocalEndpoint).Port
    }
    finally {
        $listener.Stop()
    }
}

function Start-MotoServer {
    $hint = 'The Test and Demo tasks need the moto Secrets Manager emulator (moto_server on PATH): pip install "moto[server]"'
    $moto = Get-Command -Name 'moto_server' -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    if (-not $moto) { throw "moto_server was not found. $hint" }
    $null = New-Item -ItemType Directory -Force -Path $TestResultsDir
    Get-ChildItem -LiteralPath $TestResultsDir -Filter 'moto-*.log*' | Remove-Item -Force -ErrorAction Ignore
    $port = Get-FreeTcpPort
    $log = Join-Path $TestResultsDir "moto-$port.log"
    $process = Start-Process -FilePath $moto.Source -ArgumentList '-H', '127.0.0.1', '-p', "$port" -NoNewWindow `
        -PassThru -RedirectStandardOutput "$log.out" -RedirectStandardError $log
    $url = "http://127.0.0.1:$port"
    $server = [pscustomobject]@{ Process = $process; Url = $url; Log = $log }
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ($true) {
        if ($process.HasExited) {
            $text = (Get-Content -LiteralPath $log -Raw -ErrorAction Ignore) + (Get-Content -LiteralPath "$log.out" -Raw -ErrorAction Ignore)
            throw "moto_server exited with code $($process.ExitCode) before answering on $url.`n$text`n$hint"
        }
        try {
            $null = Invoke-WebRequest -Uri "$url/moto-api/" -TimeoutSec 2 -SkipHttpErrorCheck
            break
        }
        catch {
            if ([DateTime]::UtcNow -gt $deadline) {
                Stop-MotoServer $server
                throw "moto_server did not answer on $url within 60 seconds (log: $log)."
            }
            Start-Sleep -Milliseconds 250
        }
    }
    Write-Host "moto_server is listening on $url (pid $($process.Id), log $log)"
    return $server
}

function Stop-MotoServer {
    param($Server)
    if (-not $Server) { return }
    if (-not $Server.Process.HasExited) {
        $Server.Process.Kill($true)
        $null = $Server.Process.WaitForExit(10000)
    }
    Write-Host "moto_server on $($Server.Url) stopped"
}

# Runs $Body with the AWS environment isolated (Set-TestEnvironment) and moto listening at $env:SECRETSPS_TEST_ENDPOINT;
# both are undone afterwards, whatever happens. $Body's errors propagate.
function Invoke-WithMotoServer {
    param([Parameter(Mandatory)][scriptblock] $Body)
    $moto = $null
    $savedEnvironment = $null
    try {
        $savedEnvironment = Set-TestEnvironment
        $moto = Start-MotoServer
        $env:SECRETSPS_TEST_ENDPOINT = $moto.Url
        & $Body
    }
    finally {
        Stop-MotoServer $moto
        Restore-Environment $savedEnvironment
    }
}

# Points every AWS SDK and CLI at moto with fake keys, and keeps the developer's own AWS configuration out of
# reach (profiles, tokens, endpoints, instance metadata). Returns the previous values for Restore-Environment.
# Set before moto starts: moto runs on botocore and would read the developer's AWS_PROFILE too.
function Set-TestEnvironment {
    $emptyDir = Join-Path $TestResultsDir 'aws-empty'
    $null = New-Item -ItemType Directory -Force -Path $emptyDir
    $configFile = Join-Path $emptyDir 'config'
    $credentialsFile = Join-Path $emptyDir 'credentials'
    Set-Content -LiteralPath $configFile -Value '' -NoNewline
    Set-Content -LiteralPath $credentialsFile -Value '' -NoNewline
    $values = [ordered]@{
        SECRETSPS_TEST_ENDPOINT                  = $null
        AWS_ACCESS_KEY_ID                        = 'testing'
        AWS_SECRET_ACCESS_KEY                    = 'testing'
        AWS_REGION                               = 'us-east-1'
        AWS_DEFAULT_REGION                       = 'us-east-1'
        AWS_CONFIG_FILE                          = $configFile
        AWS_SHARED_CREDENTIALS_FILE              = $credentialsFile
        AWS_EC2_METADATA_DISABLED                = 'true'
        AWS_PROFILE                              = $null
        AWS_DEFAULT_PROFILE                      = $null
        AWS_SESSION_TOKEN                        = $null
        AWS_SECURITY_TOKEN                       = $null
        AWS_ENDPOINT_URL                         = $null
        AWS_ENDPOINT_URL_SECRETS_MANAGER         = $null
        AWS_ROLE_ARN                             = $null
        AWS_ROLE_SESSION_NAME                    = $null
        AWS_WEB_IDENTITY_TOKEN_FILE              = $null
        AWS_CONTAINER_CREDENTIALS_RELATIVE_URI   = $null
        AWS_CONTAINER_CREDENTIALS_FULL_URI       = $null
        AWS_CONTAINER_AUTHORIZATION_TOKEN        = $null
        AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE   = $null
        AWS_MAX_ATTEMPTS                         = $null
        AWS_RETRY_MODE                           = $null
        AWS_USE_FIPS_ENDPOINT                    = $null
        AWS_USE_DUALSTACK_ENDPOINT               = $null
        AWS_IGNORE_CONFIGURED_ENDPOINT_URLS      = $null
        PYTHONIOENCODING                         = 'utf-8'
    }
    # moto is on loopback: never send it through a proxy the developer has configured (both spellings are read on
    # Linux and macOS; Windows has one case-insensitive variable).
    $changes = [System.Collections.Generic.List[object]]::new()
    foreach ($name in $values.Keys) { $changes.Add(@($name, $values[$name])) }
    foreach ($name in @('NO_PROXY') + @(if (-not $IsWindows) { 'no_proxy' })) {
        $current = "$([Environment]::GetEnvironmentVariable($name))" -split ',' | Where-Object { $_ }
        $changes.Add(@($name, ((@('127.0.0.1', 'localhost', '::1') + @($current)) -join ',')))
    }
    $saved = [System.Collections.Generic.List[object]]::new()
    foreach ($change in $changes) {
        $saved.Add(@($change[0], [Environment]::GetEnvironmentVariable($change[0])))
        Set-EnvironmentVariable -Name $change[0] -Value $change[1]
    }
    return , $saved
}

# Sets or (for $null) removes a process environment variable. [Environment]::SetEnvironmentVariable would turn a
# PowerShell $null into an empty string, which is not the same as unset (botocore reads AWS_PROFILE='' as a profile).
function Set-EnvironmentVariable {
    param([Parameter(Mandatory)][string] $Name, [AllowNull()][string] $Value)
    if ([string]::IsNullOrEmpty($Value)) {
        Remove-Item -LiteralPath "env:$Name" -ErrorAction Ignore
    }
    else {
        Set-Item -LiteralPath "env:$Name" -Value $Value
    }
}

function Restore-Environment {
    param($Saved)
    if ($null -eq $Saved) { return }
    for ($i = $Saved.Count - 1; $i -ge 0; $i--) { Set-EnvironmentVariable -Name $Saved[$i][0] -Value $Saved[$i][1] }
}

# Counts of a VSTest trx file: Passed, Failed (Failed, Error, Timeout, Aborted, ...) and Skipped (NotExecuted).
function Get-TrxCount {
    param([Parameter(Mandatory)][string] $Path)
    [xml] $trx = Get-Content -LiteralPath $Path -Raw
    $counts = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0 }
    $results = @($trx.GetElementsByTagName('UnitTestResult'))
    foreach ($result in $results) {
        switch ($result.GetAttribute('outcome')) {
            'Passed' { $counts.Passed++ }
            'NotExecuted' { $counts.Skipped++ }
            'Inconclusive' { $counts.Skipped++ }
            default { $counts.Failed++ }
        }
    }
    # A run that aborted (e.g. a crashed test host) without results is a failure, not a clean zero.
    $summary = @($trx.GetElementsByTagName('ResultSummary')) | Select-Object -First 1
    if ($summary -and $summary.GetAttribute('outcome') -in 'Aborted', 'Error' -and $counts.Failed -eq 0) {
        $counts.Failed++
    }
    return [pscustomobject]$counts
}

# Counts of a Pester run from the summary its child process writes, with the NUnit XML as a fallback. Failed
# containers (a file that does not parse) and failed blocks whose tests did not fail count as one failure each.
function Get-PesterCount {
    param([Parameter(Mandatory)][string] $SummaryPath, [Parameter(Mandatory)][string] $XmlPath)
    if (Test-Path -LiteralPath $SummaryPath) {
        $s = Get-Content -LiteralPath $SummaryPath -Raw | ConvertFrom-Json
        return [pscustomobject]@{
            Passed  = [int]$s.PassedCount
            Failed  = [int]$s.FailedCount + [int]$s.UncountedBlockFailures + [int]$s.UncountedContainerFailures
            Skipped = [int]$s.SkippedCount + [int]$s.InconclusiveCount
        }
    }
    if (Test-Path -LiteralPath $XmlPath) {
        [xml] $nunit = Get-Content -LiteralPath $XmlPath -Raw
        $r = $nunit.'test-results'
        $total = [int]$r.total
        $failed = [int]$r.failures + [int]$r.errors
        $skipped = [int]$r.skipped + [int]$r.ignored + [int]$r.inconclusive
        return [pscustomobject]@{ Passed = $total - $failed - $skipped - [int]$r.'not-run'; Failed = [Math]::Max($failed, 1); Skipped = $skipped }
    }
    return $null
}

function Format-Count {
    param($Count)
    return "passed $($Count.Passed), failed $($Count.Failed), skipped $($Count.Skipped)"
}


Initialize-BuildTool

$BuildScript = {
    # Everything `dotnet` is called with shares these, so a later call (dotnet test) finds the projects up to date.
    $DotnetProperties = @('-c', $Configuration, "-p:Version=$ModuleVersion", '--nologo')

    task Clean {
        $targets = @($OutDir, $TestResultsDir)
        $targets += Get-ChildItem -LiteralPath (Join-Path $BuildRoot 'src'), (Join-Path $BuildRoot 'tests') `
            -Directory -Recurse -Include 'bin', 'obj' -ErrorAction Ignore | ForEach-Object FullName
        foreach ($path in $targets) {
            if (Test-Path -LiteralPath $path) {
                Write-Host "Removing $path"
                Remove-Item -LiteralPath $path -Recurse -Force
            }
        }
    }

    # Compiles the projects (incrementally, through MSBuild) and assembles the module folder from scratch.
    task Build {
        $publish = @{}
        foreach ($project in 'SecretsPS', 'SecretsPS.Client', 'SecretsPS.LoadContext') {
            $projectFile = Join-Path $BuildRoot "src/$project/$project.csproj"
            $publishDir = Join-Path $BuildRoot "src/$project/bin/$Configuration/publish"
            # A fresh publish folder each time: nothing removed from a project lingers into the module.
            if (Test-Path -LiteralPath $publishDir) { Remove-Item -LiteralPath $publishDir -Recurse -Force }
            Write-Build Cyan "dotnet publish $project ($Configuration, version $ModuleVersion)"
            exec { dotnet publish $projectFile @DotnetProperties -o $publishDir }
            $publish[$project] = $publishDir
        }

        if (Test-Path -LiteralPath (Join-Path $OutDir 'SecretsPS')) {
            Remove-Item -LiteralPath (Join-Path $OutDir 'SecretsPS') -Recurse -Force
        }
        $dependencies = Join-Path $ModuleDir 'Dependencies'
        $null = New-Item -ItemType Directory -Force -Path $dependencies

        Copy-Item -LiteralPath (Join-Path $BuildRoot 'SecretsPS.psd1') -Destination $ModuleDir
        Copy-Item -LiteralPath (Join-Path $publish['SecretsPS'] 'SecretsPS.dll') -Destination $ModuleDir
        Copy-Item -LiteralPath (Join-Path $publish['SecretsPS.LoadContext'] 'SecretsPS.LoadContext.dll') -Destination $ModuleDir
        # Loaded by the module itself at first use, from beside SecretsPS.dll.
        Copy-Item -LiteralPath (Join-Path $BuildRoot 'src/SecretsPS/SecretsPS.Format.ps1xml') -Destination $ModuleDir
        # The client and everything its netstandard2.0 publish brings (AWSSDK.*, System.*) go to Dependencies/.
        Get-ChildItem -LiteralPath $publish['SecretsPS.Client'] -Filter '*.dll' | Copy-Item -Destination $dependencies
        # Any further library the cmdlet assembly itself needs also loads from Dependencies/.
        Get-ChildItem -LiteralPath $publish['SecretsPS'] -Filter '*.dll' |
            Where-Object { $_.Name -ne 'SecretsPS.dll' -and -not (Test-Path -LiteralPath (Join-Path $dependencies $_.Name)) } |
            ForEach-Object {
                Write-Build Yellow "The cmdlet project publishes $($_.Name): shipping it in Dependencies/"
                Copy-Item -LiteralPath $_.FullName -Destination $dependencies
            }

        $BuildState.HelpCompiled = $false
        $helpProject = Join-Path $BuildRoot 'src/SecretsPS.HelpCompiler/SecretsPS.HelpCompiler.csproj'
        $helpSources = @(Get-ChildItem -LiteralPath (Split-Path $helpProject) -Filter '*.cs' -Recurse -ErrorAction Ignore |
                Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' })
        if ($helpSources.Count -eq 0) {
            Write-Build Yellow 'Help: src/SecretsPS.HelpCompiler has no source yet; skipping the en-US help compilation.'
        }
        else {
            Write-Build Cyan 'dotnet build SecretsPS.HelpCompiler'
            # Its default output, which the help compiler's own test project builds too: one compile serves both.
            exec { dotnet build $helpProject @DotnetProperties }
            $helpDll = Get-ChildItem -Path (Join-Path $BuildRoot "src/SecretsPS.HelpCompiler/bin/$Configuration/*/SecretsPS.HelpCompiler.dll") |
                Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1 -ExpandProperty FullName
            assert $helpDll 'The help compiler build produced no SecretsPS.HelpCompiler.dll.'
            $docs = Join-Path $BuildRoot 'docs/en-US'
            $helpTarget = Join-Path $ModuleDir 'en-US'
            Write-Build Cyan "Compiling help: docs/en-US -> $helpTarget"
            exec { dotnet $helpDll --docs $docs --out $helpTarget }
            $BuildState.HelpCompiled = $true
        }

        foreach ($required in 'SecretsPS.psd1', 'SecretsPS.dll', 'SecretsPS.LoadContext.dll', 'SecretsPS.Format.ps1xml', 'Dependencies/SecretsPS.Client.dll', 'Dependencies/AWSSDK.Core.dll') {
            assert (Test-Path -LiteralPath (Join-Path $ModuleDir $required)) "The module folder lacks $required."
        }
        $files = Get-ChildItem -LiteralPath $ModuleDir -Recurse -File
        Write-Build Green "Module assembled: $ModuleDir ($($files.Count) files)"
    }

    task Docs Build, {
        assert $BuildState.HelpCompiled 'The Docs task needs src/SecretsPS.HelpCompiler (it has no source yet).'
        Get-ChildItem -LiteralPath (Join-Path $ModuleDir 'en-US') | ForEach-Object { Write-Build Green "  $($_.Name) ($($_.Length) bytes)" }
    }

    # A failed Pack does not stop the tests: Package.Tests.ps1 then fails on the missing package, and the rest still run.
    task Test Build, ?Pack, {
        $null = New-Item -ItemType Directory -Force -Path $TestResultsDir
        $runXunit = $Suite -in 'All', 'Xunit'
        $runPester = $Suite -in 'All', 'Pester'
        $results = [System.Collections.Generic.List[object]]::new()
        try {
            Invoke-WithMotoServer {
                if ($runXunit) {
                    $trxDir = Join-Path $TestResultsDir 'xunit'
                    if (Test-Path -LiteralPath $trxDir) { Remove-Item -LiteralPath $trxDir -Recurse -Force }
                    # Every test project under tests/ (the client's wire and moto tests, the help compiler's tests).
                    $testProjects = @(Get-ChildItem -LiteralPath (Join-Path $BuildRoot 'tests') -Filter '*.Tests.csproj' -Recurse |
                            Where-Object { $_.FullName -notmatch '[\/](bin|obj)[\/]' } | Sort-Object Name)
                    if ($testProjects.Count -eq 0) { $results.Add([pscustomobject]@{ Name = 'xunit'; Count = $null }) }
                    foreach ($testProject in $testProjects) {
                        $name = $testProject.BaseName
                        $trx = Join-Path $trxDir "$name.trx"
                        # A test that hangs is stopped (and counted failed) long before CI's own 90-minute limit.
                        $testArgs = @('test', $testProject.FullName) + $DotnetProperties +
                            @('--logger', "trx;LogFileName=$name.trx", '--results-directory', $trxDir, '--blame-hang-timeout', '10m')
                        if ($XunitFilter) { $testArgs += @('--filter', $XunitFilter) }
                        Write-Build Cyan "xunit: dotnet test $name"
                        & dotnet @testArgs | Out-Host
                        $exitCode = $LASTEXITCODE
                        if (Test-Path -LiteralPath $trx) {
                            $count = Get-TrxCount -Path $trx
                        }
                        else {
                            Write-Build Red "xunit: no results file for $name (dotnet test exited with $exitCode): counted as one failure."
                            $count = [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 }
                        }
                        if ($exitCode -ne 0 -and $count.Failed -eq 0) { $count.Failed = 1 }
                        $results.Add([pscustomobject]@{ Name = "xunit $name"; Count = $count })
                    }
                }

                if ($runPester) {
                    $pesterDir = Join-Path $TestResultsDir 'pester'
                    if (Test-Path -LiteralPath $pesterDir) { Remove-Item -LiteralPath $pesterDir -Recurse -Force }
                    $null = New-Item -ItemType Directory -Force -Path $pesterDir
                    $summaryPath = Join-Path $pesterDir 'summary.json'
                    $xmlPath = Join-Path $pesterDir 'pester.xml'
                    $paths = if ($PesterPath) { @($PesterPath | ForEach-Object { (Resolve-Path -LiteralPath $_).Path }) } else { @(Join-Path $BuildRoot 'tests/pester') }
                    $runner = Join-Path $pesterDir 'Invoke-PesterRun.ps1'
                    Set-Content -LiteralPath $runner -Encoding utf8NoBOM -Value @'
param([string] $PesterManifest, [string] $Paths, [string] $XmlPath, [string] $SummaryPath, [string] $Tag, [string] $ExcludeTag)
$ErrorActionPreference = 'Stop'
Import-Module -Name $PesterManifest
$config = New-PesterConfiguration
$config.Run.Path = @($Paths -split "`n" | Where-Object { $_ })
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = $XmlPath
if ($Tag) { $config.Filter.Tag = @($Tag -split ',') }
if ($ExcludeTag) { $config.Filter.ExcludeTag = @($ExcludeTag -split ',') }
$result = Invoke-Pester -Configuration $config
# A failed BeforeAll already fails the block's tests; a failed block adds a failure only when none of its tests
# carries it (e.g. a failing AfterAll after passing tests).
function Get-BlockTest($Block) { $Block.Tests; foreach ($child in $Block.Blocks) { Get-BlockTest $child } }
$blockFailures = @($result.FailedBlocks | Where-Object { -not (@(Get-BlockTest $_) | Where-Object Result -eq 'Failed') }).Count
# Likewise a failed file (one that does not parse, say) counts once, and only when none of its tests failed.
$containerFailures = @($result.Containers | Where-Object {
        $_.Result -eq 'Failed' -and -not (@($_.Blocks | ForEach-Object { Get-BlockTest $_ }) | Where-Object Result -eq 'Failed')
    }).Count
$result | Select-Object PassedCount, FailedCount, SkippedCount, InconclusiveCount, NotRunCount, TotalCount,
    FailedBlocksCount, FailedContainersCount, Result, @{ Name = 'UncountedBlockFailures'; Expression = { $blockFailures } },
    @{ Name = 'UncountedContainerFailures'; Expression = { $containerFailures } } |
    ConvertTo-Json | Set-Content -LiteralPath $SummaryPath
'@
                    Write-Build Cyan "Pester $PesterVersion in a fresh pwsh: $($paths -join ', ')"
                    $pesterExit = Invoke-FreshPwsh -File $runner -ArgumentList @(
                        '-PesterManifest', $PesterManifest, '-Paths', ($paths -join "`n"), '-XmlPath', $xmlPath,
                        '-SummaryPath', $summaryPath, '-Tag', ($Tag -join ','), '-ExcludeTag', ($ExcludeTag -join ','))
                    $pesterCount = Get-PesterCount -SummaryPath $summaryPath -XmlPath $xmlPath
                    if (-not $pesterCount) {
                        Write-Build Red "Pester: no results (the child pwsh exited with $pesterExit): counted as one failure."
                        $pesterCount = [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 }
                    }
                    if ($pesterExit -ne 0 -and $pesterCount.Failed -eq 0) { $pesterCount.Failed = 1 }
                    $results.Add([pscustomobject]@{ Name = 'Pester'; Count = $pesterCount })
                }
            }
        }
        catch {
            # moto did not start, a runner crashed...: what ran still counts, and the run fails with a closing line.
            Write-Build Red "The test run was cut short: $_"
            $results.Add([pscustomobject]@{ Name = 'aborted run'; Count = [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } })
        }

        $total = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }
        $problems = @()
        foreach ($result in $results) {
            $count = $result.Count
            if (-not $count) { $problems += "$($result.Name): no test project found"; continue }
            Write-Build Cyan ("{0}: {1}" -f $result.Name, (Format-Count $count))
            $total.Passed += $count.Passed
            $total.Failed += $count.Failed
            $total.Skipped += $count.Skipped
            if ($count.Passed + $count.Failed + $count.Skipped -eq 0) { $problems += "$($result.Name) ran no test" }
        }
        if ($total.Failed -gt 0) { $problems += "$($total.Failed) test(s) failed" }
        if ($runPester -and -not $BuildState['Packed']) { $problems += 'packing the module failed (see the Pack task above)' }
        $BuildState.Summary = "$($total.Passed) passed, $($total.Failed) failed, $($total.Skipped) skipped"
        if ($problems) { throw ($problems -join '; ') }
    }

    task Demo Build, {
        Invoke-WithMotoServer {
            $exitCode = Invoke-FreshPwsh -File (Join-Path $BuildRoot 'tests/demo/Invoke-Demo.ps1') -ArgumentList @(
                '-ModulePath', (Join-Path $ModuleDir 'SecretsPS.psd1'), '-EndpointUrl', $env:SECRETSPS_TEST_ENDPOINT)
            assert ($exitCode -eq 0) "The demo failed (exit code $exitCode)."
        }
    }

    # Publish-PSResource to a throw-away folder repository: out/SecretsPS.<version>.nupkg. PSResourceGet keeps its
    # repository list per user, so the child pwsh gets a private data folder (XDG_DATA_HOME, Linux and macOS) and a
    # unique repository name it always unregisters: the developer's own list is left alone.
    task Pack -If { $RequestedTask -ne 'Test' -or $Suite -ne 'Xunit' } Build, {
        $nupkg = Join-Path $OutDir "SecretsPS.$ModuleVersion.nupkg"
        if (Test-Path -LiteralPath $nupkg) { Remove-Item -LiteralPath $nupkg -Force }
        $work = New-TemporaryFolder 'secretsps-pack'
        $script = Join-Path $work 'Publish-Package.ps1'
        Set-Content -LiteralPath $script -Encoding utf8NoBOM -Value @'
param([string] $ModuleDir, [string] $Work, [string] $Nupkg)
$ErrorActionPreference = 'Stop'
$feed = Join-Path $Work 'feed'
$null = New-Item -ItemType Directory -Force -Path $feed
$repository = "SecretsPSBuild$([guid]::NewGuid().ToString('N'))"
Register-PSResourceRepository -Name $repository -Uri $feed -Trusted
try {
    Publish-PSResource -Path $ModuleDir -Repository $repository
}
finally {
    Unregister-PSResourceRepository -Name $repository
}
$built = @(Get-ChildItem -LiteralPath $feed -Filter '*.nupkg')
if ($built.Count -ne 1) { throw "Publish-PSResource produced $($built.Count) .nupkg files in $feed." }
Copy-Item -LiteralPath $built[0].FullName -Destination $Nupkg -Force
'@
        try {
            $exitCode = Invoke-FreshPwsh -File $script -ArgumentList @('-ModuleDir', $ModuleDir, '-Work', $work, '-Nupkg', $nupkg) `
                -Environment @{ XDG_DATA_HOME = (New-Item -ItemType Directory -Force -Path (Join-Path $work 'data')).FullName }
            assert ($exitCode -eq 0) "Publish-PSResource failed (exit code $exitCode)."
        }
        finally {
            Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction Ignore
        }
        Write-Build Green "Package: $nupkg ($([Math]::Round((Get-Item -LiteralPath $nupkg).Length / 1KB)) KB)"
        $BuildState.Packed = $true
    }

    # Pack, then prove the package installs: Install-PSResource from a folder repository into a temporary HOME
    # (CurrentUser scope lands there), and a fresh pwsh imports it by name and lists its cmdlets.
    task Package Pack, {
        $work = New-TemporaryFolder 'secretsps-package'
        $userHome = Join-Path $work 'home'
        # .NET reports LocalApplicationData (PSResourceGet's repository list) only when the folder exists.
        $null = New-Item -ItemType Directory -Force -Path (Join-Path $userHome '.local/share'), (Join-Path $work 'feed')
        Copy-Item -LiteralPath (Join-Path $OutDir "SecretsPS.$ModuleVersion.nupkg") -Destination (Join-Path $work 'feed')
        $script = Join-Path $work 'Test-Package.ps1'
        Set-Content -LiteralPath $script -Encoding utf8NoBOM -Value @'
param([string] $Feed, [string] $Version)
$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name SecretsPSLocal -Uri $Feed -Trusted
Install-PSResource -Name SecretsPS -Version $Version -Repository SecretsPSLocal -Scope CurrentUser -TrustRepository -Quiet
$installed = Get-InstalledPSResource -Name SecretsPS
Write-Host "Installed SecretsPS $($installed.Version) into $($installed.InstalledLocation)"
Import-Module SecretsPS
$module = Get-Module SecretsPS
$commands = @($module.ExportedCmdlets.Keys | Sort-Object)
Write-Host "Import-Module SecretsPS loaded $($module.ModuleBase): $($commands.Count) cmdlets ($($commands -join ', '))"
if ($commands.Count -eq 0) { throw 'The installed module exports no cmdlet.' }
'@
        try {
            $exitCode = Invoke-FreshPwsh -File $script -ArgumentList @('-Feed', (Join-Path $work 'feed'), '-Version', $ModuleVersion) `
                -Environment @{ HOME = $userHome; XDG_DATA_HOME = $null; XDG_CONFIG_HOME = $null; XDG_CACHE_HOME = $null }
            assert ($exitCode -eq 0) "Installing or importing the package failed (exit code $exitCode)."
        }
        finally {
            Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction Ignore
        }
    }

    task . Build
}

$RequestedTask = $Task
$exitCode = 0
try {
    & $InvokeBuildScript -Task $RequestedTask -File $BuildScript
}
catch {
    # Invoke-Build has already reported the failing task and its error.
    $exitCode = 1
}
if ($env:CI -eq 'true') {
    # Leave no MSBuild node or compiler server running behind a CI job.
    & dotnet build-server shutdown *> $null
}
if ($RequestedTask -eq 'Test' -and -not $BuildState.Summary) {
    # The build (or packing) failed before any test could run: still close with the counts CI reads.
    $BuildState.Summary = '0 passed, 1 failed, 0 skipped'
}
if ($BuildState.Summary) {
    # The closing line of a test run, always the last line printed.
    Write-Host $BuildState.Summary
}
exit $exitCode
