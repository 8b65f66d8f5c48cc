#Requires -Version 7.4
<#
.SYNOPSIS
    Prints SecretsPS's load and call costs. A measurement, not a test: nothing here passes or fails on a figure.

.DESCRIPTION
    Run after `./build.ps1 -Task Build`, from the repository root:

        dotnet pwsh ./bench/Measure-SecretsPS.ps1 [-Runs 31] [-Calls 200]

    1. Import cost: median wall time of `pwsh -NoProfile -c 'Import-Module <module>'` minus that of
       `pwsh -NoProfile -c 1`, divided by the same difference for an empty one-cmdlet netstandard2.0 binary module
       built by this script in a temporary folder. Target ratio <= 1.2. The processes are started as
       `dotnet <PSHOME>/pwsh.dll`, not through the `dotnet pwsh` tool shim (which adds ~300 ms), and the variants are
       interleaved, round by round, so drift in machine load hits all of them alike.
    2. First call in a cold process: import + loading the views + credential/region resolution + one New-RandomPassword
       against moto.
    3. Warm per-call latency of Get-SecretValue against moto (after a warm-up), next to a boto3 client doing the same
       GetSecretValue against the same server in the same run.

    The script starts its own moto_server on a free loopback port and stops it at the end.
#>
[CmdletBinding()]
param(
    # What to import: the built module's folder (out/SecretsPS, holding <version>/) or its manifest.
    [string] $ModulePath,

    [ValidateRange(3, 200)]
    [int] $Runs = 31,

    [ValidateRange(10, 100000)]
    [int] $Calls = 200,

    [ValidateRange(0, 100000)]
    [int] $Warmup = 50
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$repoRoot = Split-Path $PSScriptRoot -Parent
if (-not $ModulePath) {
    $ModulePath = Join-Path $repoRoot 'out/SecretsPS'
}
if (-not (Test-Path $ModulePath)) {
    throw "$ModulePath does not exist; build first: dotnet pwsh ./build.ps1 -Task Build"
}
$ModulePath = (Resolve-Path $ModulePath).Path

# The real pwsh: `dotnet <PSHOME>/pwsh.dll` when this runs under the dotnet host (the tool), else this executable.
$pwshExe = [Environment]::ProcessPath
$pwshPrefix = @()
if ([IO.Path]::GetFileNameWithoutExtension($pwshExe) -eq 'dotnet') {
    $pwshPrefix = @(Join-Path $PSHOME 'pwsh.dll')
}

function Get-Percentile([double[]] $Sorted, [double] $P) {
    # Nearest rank on an ascending array.
    $rank = [Math]::Max(1, [Math]::Ceiling($P / 100 * $Sorted.Count))
    return $Sorted[$rank - 1]
}

function Get-Median([double[]] $Values) {
    $sorted = [double[]]($Values | Sort-Object)
    $n = $sorted.Count
    if ($n % 2) { return $sorted[($n - 1) / 2] }
    return ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2
}

# Wall time (ms) of one process, from start to exit; output is drained and discarded, a failure is fatal.
function Measure-Process([string] $FileName, [string[]] $Arguments) {
    $psi = [Diagnostics.ProcessStartInfo]::new($FileName)
    foreach ($a in $Arguments) { $psi.ArgumentList.Add($a) }
    $psi.UseShellExecute = $false
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $sw = [Diagnostics.Stopwatch]::StartNew()
    $process = [Diagnostics.Process]::Start($psi)
    $stderr = $process.StandardError.ReadToEndAsync()
    $stdout = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
    $sw.Stop()
    if ($process.ExitCode -ne 0) {
        $motoTail = (Get-Content $script:motoLog -Tail 30 -ErrorAction Ignore) -join "`n"
        throw "$FileName $($Arguments -join ' ') exited with $($process.ExitCode):`n$stdout`n$($stderr.GetAwaiter().GetResult())`nmoto log:`n$motoTail"
    }
    return $sw.Elapsed.TotalMilliseconds
}

function Invoke-Pwsh([string] $Command) {
    return Measure-Process $pwshExe ($pwshPrefix + @('-NoProfile', '-c', $Command))
}

# An empty binary module built the same way as SecretsPS.dll (netstandard2.0, PowerShellStandard.Library), with
# one cmdlet and a manifest, so the ratio isolates what SecretsPS adds over any binary module.
function New-EmptyBinaryModule([string] $Root) {
    $project = Join-Path $Root 'src'
    # Same shape as out/SecretsPS: <name>/<version>/<name>.psd1, imported by the <name> folder.
    $module = Join-Path $Root 'EmptyModule'
    $versionDir = Join-Path $module '1.0.0'
    $null = New-Item -ItemType Directory -Force $project, $versionDir
    # Empty Directory.* files keep any policy from a parent folder out of this throw-away project.
    foreach ($name in 'Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props') {
        Set-Content (Join-Path $project $name) '<Project />'
    }
    Set-Content (Join-Path $project 'EmptyModule.csproj') @'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="PowerShellStandard.Library" Version="5.1.1" PrivateAssets="all" />
  </ItemGroup>
</Project>
'@
    Set-Content (Join-Path $project 'GetNothingCommand.cs') @'
using System.Management.Automation;
namespace EmptyModule
{
    [Cmdlet(VerbsCommon.Get, "Nothing")]
    public sealed class GetNothingCommand : PSCmdlet
    {
        protected override void ProcessRecord() => WriteObject(1);
    }
}
'@
    $log = & dotnet build (Join-Path $project 'EmptyModule.csproj') -c Release -o (Join-Path $Root 'build') --nologo 2>&1
    if ($LASTEXITCODE -ne 0) { throw "Building the empty module failed:`n$($log -join "`n")" }
    Copy-Item (Join-Path $Root 'build/EmptyModule.dll') $versionDir
    New-ModuleManifest -Path (Join-Path $versionDir 'EmptyModule.psd1') -RootModule 'EmptyModule.dll' -ModuleVersion '1.0.0' `
        -CmdletsToExport 'Get-Nothing' -FunctionsToExport @() -VariablesToExport @() -AliasesToExport @()

    # The same module plus a one-view format file (FormatsToProcess): any module format file makes PowerShell rebuild
    # the session's format data at import. SecretsPS avoids that by loading its views at its first command, so this
    # row shows what that saves. Informative only.
    $formatted = Join-Path $Root 'EmptyFormatted'
    $formattedVersion = Join-Path $formatted '1.0.0'
    $null = New-Item -ItemType Directory -Force $formattedVersion
    Copy-Item (Join-Path $Root 'build/EmptyModule.dll') $formattedVersion
    Set-Content (Join-Path $formattedVersion 'EmptyFormatted.Format.ps1xml') @'
<?xml version="1.0" encoding="utf-8"?>
<Configuration>
  <ViewDefinitions>
    <View>
      <Name>EmptyThing</Name>
      <ViewSelectedBy><TypeName>EmptyModule.Thing</TypeName></ViewSelectedBy>
      <TableControl>
        <TableHeaders><TableColumnHeader><Label>Name</Label></TableColumnHeader></TableHeaders>
        <TableRowEntries><TableRowEntry><TableColumnItems>
          <TableColumnItem><PropertyName>Name</PropertyName></TableColumnItem>
        </TableColumnItems></TableRowEntry></TableRowEntries>
      </TableControl>
    </View>
  </ViewDefinitions>
</Configuration>
'@
    New-ModuleManifest -Path (Join-Path $formattedVersion 'EmptyFormatted.psd1') -RootModule 'EmptyModule.dll' -ModuleVersion '1.0.0' `
        -CmdletsToExport 'Get-Nothing' -FunctionsToExport @() -VariablesToExport @() -AliasesToExport @() `
        -FormatsToProcess 'EmptyFormatted.Format.ps1xml'
    return [pscustomobject]@{ Empty = $module; Formatted = $formatted }
}

# $null removes the variable: [Environment]::SetEnvironmentVariable would receive '' from PowerShell, and an empty
# AWS_SESSION_TOKEN or AWS_PROFILE is not the same as none.
function Set-EnvironmentValue([string] $Name, [AllowNull()][string] $Value) {
    if ([string]::IsNullOrEmpty($Value)) { Remove-Item -LiteralPath "env:$Name" -ErrorAction Ignore }
    else { Set-Item -LiteralPath "env:$Name" -Value $Value }
}

function Start-Moto {
    $moto = (Get-Command moto_server -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source
    $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = ([Net.IPEndPoint] $listener.LocalEndpoint).Port
    $listener.Stop()
    # moto logs every request: to files, not to pipes that could fill up.
    $process = Start-Process -FilePath $moto -ArgumentList '-H', '127.0.0.1', '-p', "$port" -NoNewWindow -PassThru `
        -RedirectStandardOutput "$script:motoLog.out" -RedirectStandardError $script:motoLog
    $url = "http://127.0.0.1:$port"
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ($true) {
        if ($process.HasExited) { throw "moto_server exited with $($process.ExitCode)." }
        try { $null = Invoke-WebRequest "$url/moto-api/" -TimeoutSec 2 -SkipHttpErrorCheck; break }
        catch {
            if ([DateTime]::UtcNow -gt $deadline) { $process.Kill($true); throw "moto_server did not answer on $url." }
            Start-Sleep -Milliseconds 200
        }
    }
    return [pscustomobject]@{ Process = $process; Url = $url }
}

$work = Join-Path ([IO.Path]::GetTempPath()) "secretsps-bench-$([guid]::NewGuid().ToString('n'))"
$null = New-Item -ItemType Directory -Force $work
$script:motoLog = Join-Path $work 'moto.log'
$moto = $null
$savedEnv = @{}
try {
    # Fake keys and an empty config: no developer profile, token or endpoint variable leaks into the figures.
    $awsDir = Join-Path $work 'aws'
    $null = New-Item -ItemType Directory $awsDir
    Set-Content (Join-Path $awsDir 'config') ''
    Set-Content (Join-Path $awsDir 'credentials') ''
    $benchEnv = @{
        AWS_ACCESS_KEY_ID = 'testing'; AWS_SECRET_ACCESS_KEY = 'testing'; AWS_REGION = 'us-east-1'
        AWS_DEFAULT_REGION = 'us-east-1'; AWS_CONFIG_FILE = (Join-Path $awsDir 'config')
        AWS_SHARED_CREDENTIALS_FILE = (Join-Path $awsDir 'credentials'); AWS_EC2_METADATA_DISABLED = 'true'
        AWS_PROFILE = $null; AWS_SESSION_TOKEN = $null; AWS_ENDPOINT_URL = $null; AWS_ENDPOINT_URL_SECRETS_MANAGER = $null
    }
    foreach ($key in $benchEnv.Keys) {
        $savedEnv[$key] = [Environment]::GetEnvironmentVariable($key)
        Set-EnvironmentValue $key $benchEnv[$key]
    }

    $loadAtStart = if (Test-Path '/proc/loadavg') { ((Get-Content '/proc/loadavg' -Raw) -split ' ')[0..2] -join ' ' } else { 'n/a' }
    Write-Host 'Building the empty reference module...'
    $references = New-EmptyBinaryModule (Join-Path $work 'empty')
    $moto = Start-Moto
    $endpoint = $moto.Url
    Write-Host "moto_server on $endpoint; module $ModulePath; $Runs interleaved rounds"

    $variants = [ordered]@{
        Baseline  = '1'
        Empty     = "Import-Module '$($references.Empty)'"
        EmptyFmt  = "Import-Module '$($references.Formatted)'"
        SecretsPS = "Import-Module '$ModulePath'"
        FirstCall = "Import-Module '$ModulePath'; `$null = New-RandomPassword -EndpointUrl '$endpoint'"
    }
    # One untimed pass warms the disk cache and surfaces errors before timing.
    foreach ($command in $variants.Values) { $null = Invoke-Pwsh $command }
    $times = @{}
    foreach ($name in $variants.Keys) { $times[$name] = [Collections.Generic.List[double]]::new() }
    for ($round = 0; $round -lt $Runs; $round++) {
        # Rotate the order each round as well, so no variant always runs right after the same neighbour.
        $names = @($variants.Keys)
        $shift = $round % $names.Count
        $order = $names[$shift..($names.Count - 1)] + $(if ($shift) { $names[0..($shift - 1)] } else { @() })
        foreach ($name in $order) { $times[$name].Add((Invoke-Pwsh $variants[$name])) }
    }
    $median = @{}
    foreach ($name in $variants.Keys) { $median[$name] = Get-Median $times[$name].ToArray() }

    # Where the import time goes, timed inside each process (no process start-up noise), plus what SecretsPS's first
    # command adds before any request: loading its views, the way FormatData.cs does (the Update-FormatData cmdlet by
    # its type, so the Microsoft.PowerShell.Utility module is not imported).
    $moduleRoot = if (Test-Path -LiteralPath $ModulePath -PathType Leaf) { Split-Path (Split-Path $ModulePath -Parent) -Parent } else { $ModulePath }
    $formatFile = Get-ChildItem -LiteralPath $moduleRoot -Filter 'SecretsPS.Format.ps1xml' -Recurse | Select-Object -First 1 -ExpandProperty FullName
    if (-not $formatFile) { throw "$moduleRoot holds no SecretsPS.Format.ps1xml." }
    $inProcess = [ordered]@{
        'Import-Module <empty binary module>'                          = "Import-Module '$($references.Empty)'"
        'Import-Module <empty binary module + 1 format view>'          = "Import-Module '$($references.Formatted)'"
        'Import-Module SecretsPS'                                      = "Import-Module '$moduleRoot'"
        'Import-Module SecretsPS + loading its views (first command)'  = "Import-Module '$moduleRoot'; & ([Management.Automation.CmdletInfo]::new('Update-FormatData', [Microsoft.PowerShell.Commands.UpdateFormatDataCommand])) -AppendPath '$formatFile'"
    }
    $inProcessTimes = @{}
    foreach ($label in $inProcess.Keys) { $inProcessTimes[$label] = [Collections.Generic.List[double]]::new() }
    for ($round = 0; $round -lt $Runs; $round++) {
        foreach ($label in $inProcess.Keys) {
            $command = "`$sw = [Diagnostics.Stopwatch]::StartNew(); $($inProcess[$label]); `$sw.Elapsed.TotalMilliseconds.ToString([Globalization.CultureInfo]::InvariantCulture)"
            $output = & $pwshExe @pwshPrefix -NoProfile -c $command
            $inProcessTimes[$label].Add([double]::Parse(($output | Select-Object -Last 1), [Globalization.CultureInfo]::InvariantCulture))
        }
    }
    $emptyCost = $median.Empty - $median.Baseline
    $moduleCost = $median.SecretsPS - $median.Baseline
    $firstCallCost = $median.FirstCall - $median.Baseline

    # Warm per-call latency: the cmdlet in one long-lived pwsh, boto3 in one long-lived python, same secret.
    $secretId = "bench/warm-$([guid]::NewGuid().ToString('n'))"
    $boto = Join-Path $work 'boto3_latency.py'
    Set-Content $boto @'
import boto3, json, sys, time
endpoint, secret_id, calls, warmup = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
client = boto3.client("secretsmanager", endpoint_url=endpoint, region_name="us-east-1")
client.create_secret(Name=secret_id, SecretString="bench-value-0123456789")
for _ in range(warmup):
    client.get_secret_value(SecretId=secret_id)
times = []
for _ in range(calls):
    start = time.perf_counter()
    client.get_secret_value(SecretId=secret_id)
    times.append((time.perf_counter() - start) * 1000)
print(json.dumps(times))
'@
    $botoOut = & python3 $boto $endpoint $secretId $Calls $Warmup 2>&1
    if ($LASTEXITCODE -ne 0) { throw "boto3 latency run failed:`n$($botoOut -join "`n")" }
    $botoTimes = [double[]](($botoOut | Select-Object -Last 1) | ConvertFrom-Json)

    $warmScript = Join-Path $work 'cmdlet_latency.ps1'
    Set-Content $warmScript @'
param([string] $Module, [string] $Endpoint, [string] $SecretId, [int] $Calls, [int] $Warmup)
$ErrorActionPreference = 'Stop'
Import-Module $Module
for ($i = 0; $i -lt $Warmup; $i++) { $null = Get-SecretValue -SecretId $SecretId -AsPlainText -EndpointUrl $Endpoint }
$times = [double[]]::new($Calls)
$sw = [Diagnostics.Stopwatch]::new()
for ($i = 0; $i -lt $Calls; $i++) {
    $sw.Restart()
    $null = Get-SecretValue -SecretId $SecretId -AsPlainText -EndpointUrl $Endpoint
    $sw.Stop()
    $times[$i] = $sw.Elapsed.TotalMilliseconds
}
ConvertTo-Json -Compress -InputObject $times
'@
    $cmdletOut = & $pwshExe @pwshPrefix -NoProfile -NonInteractive -File $warmScript -Module $ModulePath -Endpoint $endpoint `
        -SecretId $secretId -Calls $Calls -Warmup $Warmup 2>&1
    if ($LASTEXITCODE -ne 0) { throw "Cmdlet latency run failed:`n$($cmdletOut -join "`n")" }
    $cmdletTimes = [double[]](($cmdletOut | Select-Object -Last 1) | ConvertFrom-Json)

    $f = { param($v) $v.ToString('0.00', [Globalization.CultureInfo]::InvariantCulture) }
    $g = { param($v) $v.ToString('0', [Globalization.CultureInfo]::InvariantCulture) }
    Write-Host ''
    # Wall-clock medians on a shared machine mean little without its load: print it next to them.
    $load = if (Test-Path '/proc/loadavg') { ((Get-Content '/proc/loadavg' -Raw) -split ' ')[0..2] -join ' ' } else { 'n/a' }
    Write-Host "Machine: $([Environment]::ProcessorCount) logical CPUs; load average at the start $loadAtStart, now $load"
    Write-Host "Cold process, wall clock (median of $Runs interleaved runs; pwsh = dotnet $($pwshPrefix -join ' '))"
    Write-Host ('{0,-58} {1,12} {2,12} {3,10}' -f 'Command', 'Median (ms)', 'Delta (ms)', 'Min (ms)')
    $rows = @(
        @('pwsh -NoProfile -c 1', 'Baseline'),
        @('Import-Module <empty binary module>', 'Empty'),
        @('Import-Module <empty binary module + 1 format view>', 'EmptyFmt'),
        @('Import-Module SecretsPS', 'SecretsPS'),
        @('Import-Module SecretsPS; New-RandomPassword (first call)', 'FirstCall')
    )
    foreach ($row in $rows) {
        $m = $median[$row[1]]
        $min = ($times[$row[1]] | Measure-Object -Minimum).Minimum
        Write-Host ('{0,-58} {1,12} {2,12} {3,10}' -f $row[0], (& $g $m), (& $g ($m - $median.Baseline)), (& $g $min))
    }
    Write-Host ''
    if ($emptyCost -gt 0) {
        $ratio = $moduleCost / $emptyCost
        Write-Host ('Import cost ratio SecretsPS / empty module: {0} ({1} ms / {2} ms; target <= 1.2)' -f (& $f $ratio), (& $g $moduleCost), (& $g $emptyCost))
    }
    else {
        # Machine noise larger than the empty module's whole cost: a ratio would mean nothing.
        Write-Host ('Import cost ratio: not computable (empty module {0} ms over baseline: noise dominates; use more -Runs on a quieter machine)' -f (& $g $emptyCost))
    }
    $formattedCost = $median.EmptyFmt - $median.Baseline
    if ($formattedCost -gt 0) {
        Write-Host ('  (informative) SecretsPS / empty module with one format view: {0} ({1} ms / {2} ms)' -f (& $f ($moduleCost / $formattedCost)), (& $g $moduleCost), (& $g $formattedCost))
    }
    Write-Host ('First call in a cold process (import + views + credentials + one GetRandomPassword): {0} ms over pwsh -c 1, {1} ms over the import' -f (& $g $firstCallCost), (& $g ($median.FirstCall - $median.SecretsPS)))
    Write-Host ''
    Write-Host "Timed inside the process (median of $Runs; informative)"
    $inProcessMedian = @{}
    foreach ($label in $inProcess.Keys) {
        $inProcessMedian[$label] = Get-Median $inProcessTimes[$label].ToArray()
        Write-Host ('{0,-58} {1,12}' -f $label, (& $g $inProcessMedian[$label]))
    }
    Write-Host ('  Import-Module SecretsPS / empty binary module, inside the process: {0}' -f (& $f ($inProcessMedian['Import-Module SecretsPS'] / $inProcessMedian['Import-Module <empty binary module>'])))
    Write-Host ''
    Write-Host "Warm GetSecretValue against moto ($Calls calls after $Warmup warm-up)"
    Write-Host ('{0,-40} {1,10} {2,10} {3,10}' -f 'Client', 'p50 (ms)', 'mean (ms)', 'p99 (ms)')
    foreach ($pair in @(@('Get-SecretValue -AsPlainText (cmdlet)', $cmdletTimes), @('boto3 get_secret_value', $botoTimes))) {
        $sorted = [double[]]($pair[1] | Sort-Object)
        $mean = ($sorted | Measure-Object -Average).Average
        Write-Host ('{0,-40} {1,10} {2,10} {3,10}' -f $pair[0], (& $f (Get-Percentile $sorted 50)), (& $f $mean), (& $f (Get-Percentile $sorted 99)))
    }
}
finally {
    if ($moto -and -not $moto.Process.HasExited) {
        $moto.Process.Kill($true)
        $null = $moto.Process.WaitForExit(10000)
    }
    foreach ($key in $savedEnv.Keys) { Set-EnvironmentValue $key $savedEnv[$key] }
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}
