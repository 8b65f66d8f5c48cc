<#
.SYNOPSIS
    Creates or refreshes docs/en-US/<Command>.md from a module's real metadata (what platyPS 0.14's
    New-MarkdownHelp/Update-MarkdownHelp do; platyPS is not available here).
.DESCRIPTION
    Front matter, SYNTAX and the parameter YAML blocks come from Get-Command. Prose comes from the existing page:
    synopsis, description, examples, parameter descriptions and "Default value" entries, inputs, outputs, notes and
    related links. New parameters get a {{ Fill <Name> Description }} placeholder, which the help drift gate
    (tests/pester/Help.Tests.ps1) rejects until someone writes the text. Run it in a fresh pwsh:

        dotnet pwsh -NoProfile -File docs/Update-HelpPage.ps1 -ModulePath out/SecretsPS/0.1.0/SecretsPS.psd1
.PARAMETER ModulePath
    The module to read metadata from (the built, staged manifest).
.PARAMETER DocsPath
    The locale folder holding the pages.
.PARAMETER Command
    Only these commands; default: every exported cmdlet and function.
.PARAMETER OnlineVersionBase
    Prefix of the 'online version' URL of a new page; the page file name is appended.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)]
    [string] $ModulePath,

    [string] $DocsPath = (Join-Path $PSScriptRoot 'en-US'),

    [string[]] $Command,

    [string] $OnlineVersionBase = 'https://github.com/secretsps/SecretsPS/blob/main/docs/en-US/'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$module = Import-Module $ModulePath -PassThru -Force
$commonParameters = [System.Collections.Generic.HashSet[string]]::new([string[]]@(
        [System.Management.Automation.PSCmdlet]::CommonParameters + 'UseTransaction' + 'ProgressAction'),
    [System.StringComparer]::OrdinalIgnoreCase)
$fence = '```'
$commonSentence = 'This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, -InformationVariable, -OutVariable, -OutBuffer, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction, and -WarningVariable. For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).'

# Texts for parameters every SecretsPS cmdlet shares, used when a page has none yet.
$standardText = @{
    Region       = 'The AWS Region to send the request to, for example `us-east-1`. Without it the Region comes from the profile given with -ProfileName, else from the AWS_REGION or AWS_DEFAULT_REGION environment variable, else from the profile named by AWS_PROFILE (or default). See about_SecretsPS for the full order.'
    ProfileName  = 'The name of a profile in the shared AWS config and credentials files (~/.aws/config, ~/.aws/credentials) that supplies credentials and, unless -Region is given, the Region. Without it the AWS_PROFILE environment variable, then the `default` profile, applies. SSO, assume-role and credential-process profiles work as in the AWS CLI.'
    EndpointUrl  = 'Sends requests to this endpoint instead of the public Secrets Manager endpoint of the Region, for example `http://127.0.0.1:5000` for a local emulator such as moto, or a VPC endpoint URL. The Region is still used to sign requests.'
    Credential   = 'Explicit AWS credentials: the user name is the access key id and the password is the secret access key. They take precedence over profiles and environment variables. Add -SessionToken for temporary credentials.'
    SessionToken = 'The session token of temporary credentials passed with -Credential (for example from AWS STS). Only valid together with -Credential.'
    WhatIf       = 'Shows what would happen if the cmdlet runs. The cmdlet is not run and no request that changes anything is sent.'
    Confirm      = 'Prompts you for confirmation before running the cmdlet.'
}

function Read-Page {
    # Splits an existing page into front matter, H2 sections (raw text) and per-parameter prose; fences are
    # tracked first so '# comment' lines in examples stay code.
    param([string] $Path)
    $page = @{ FrontMatter = [ordered]@{}; Sections = @{}; ParameterText = @{}; ParameterDefault = @{} }
    if (-not (Test-Path $Path)) { return $page }
    $lines = (Get-Content -Raw -Path $Path) -replace "`r`n", "`n" -split "`n"
    $i = 0
    if ($lines[0] -eq '---') {
        for ($i = 1; $lines[$i] -ne '---'; $i++) {
            if ($lines[$i] -match '^([^:]+):\s*(.*)$') { $page.FrontMatter[$Matches[1].Trim()] = $Matches[2].Trim() }
        }
        $i++
    }
    $section = $null
    $buffer = [System.Collections.Generic.List[string]]::new()
    $fence = $null
    $flush = {
        if ($null -ne $section) { $page.Sections[$section] = ($buffer -join "`n").Trim() }
        $buffer.Clear()
    }
    for (; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if ($null -ne $fence) {
            if ($line -match '^\s{0,3}(`{3,}|~{3,})\s*$' -and $Matches[1][0] -eq $fence[0] -and $Matches[1].Length -ge $fence.Length) { $fence = $null }
        }
        elseif ($line -match '^\s{0,3}(`{3,}|~{3,})') { $fence = $Matches[1] }
        elseif ($line -match '^## (.+?)\s*$') {
            & $flush
            $section = $Matches[1].ToUpperInvariant()
            continue
        }
        $buffer.Add($line)
    }
    & $flush

    if ($page.Sections.ContainsKey('PARAMETERS')) {
        $name = $null
        $text = [System.Collections.Generic.List[string]]::new()
        $inYaml = $false
        foreach ($line in ($page.Sections['PARAMETERS'] -split "`n")) {
            if ($line -match '^### -(\S+)') {
                if ($name) { $page.ParameterText[$name] = ($text -join "`n").Trim() }
                $name = $Matches[1]; $text.Clear(); $inYaml = $false; continue
            }
            if ($line -match '^### ') { if ($name) { $page.ParameterText[$name] = ($text -join "`n").Trim() }; $name = $null; continue }
            if (-not $name) { continue }
            if ($line -match '^```yaml') { $inYaml = $true; continue }
            if ($inYaml) {
                if ($line -match '^```') { $inYaml = $false }
                elseif ($line -match '^Default value:\s*(.*)$' -and -not $page.ParameterDefault.ContainsKey($name)) { $page.ParameterDefault[$name] = $Matches[1].Trim() }
                continue
            }
            if (-not $page.ParameterDefault.ContainsKey($name)) { $text.Add($line) }
        }
        if ($name) { $page.ParameterText[$name] = ($text -join "`n").Trim() }
    }
    $page
}

function Get-PipelineText([System.Management.Automation.ParameterSetMetadata] $Metadata) {
    if ($Metadata.ValueFromPipeline -and $Metadata.ValueFromPipelineByPropertyName) { 'True (ByPropertyName, ByValue)' }
    elseif ($Metadata.ValueFromPipeline) { 'True (ByValue)' }
    elseif ($Metadata.ValueFromPipelineByPropertyName) { 'True (ByPropertyName)' }
    else { 'False' }
}

function Get-TypeName([type] $Type) {
    $inner = [System.Nullable]::GetUnderlyingType($Type)
    if ($inner) { $Type = $inner }
    $Type.Name
}

function Get-Section($Page, [string] $Name, [string] $Default) {
    if ($Page.Sections.ContainsKey($Name) -and $Page.Sections[$Name]) { $Page.Sections[$Name] } else { $Default }
}

$commands = Get-Command -Module $module.Name -CommandType Cmdlet, Function |
    Where-Object { -not $Command -or $Command -contains $_.Name } | Sort-Object Name
foreach ($cmd in $commands) {
    $path = Join-Path $DocsPath "$($cmd.Name).md"
    $page = Read-Page $path
    $helpFile = if ($cmd.CommandType -eq 'Cmdlet') { [IO.Path]::GetFileName($cmd.ImplementingType.Assembly.Location) + '-Help.xml' } else { "$($module.Name)-help.xml" }
    $online = if ($page.FrontMatter.Contains('online version')) { $page.FrontMatter['online version'] } else { "$OnlineVersionBase$($cmd.Name).md" }

    $allSets = @($cmd.ParameterSets | ForEach-Object Name)
    $realSets = @($allSets | Where-Object { $_ -ne '__AllParameterSets' })
    $default = if ($cmd.DefaultParameterSet) { $cmd.DefaultParameterSet } else { $allSets[0] }
    $orderedSets = @($cmd.ParameterSets | Where-Object Name -eq $default) + @($cmd.ParameterSets | Where-Object Name -ne $default)

    $out = [System.Text.StringBuilder]::new()
    $null = $out.Append("---`nexternal help file: $helpFile`nModule Name: $($module.Name)`nonline version: $online`nschema: 2.0.0`n---`n`n# $($cmd.Name)`n`n")
    $null = $out.Append("## SYNOPSIS`n$(Get-Section $page 'SYNOPSIS' '{{ Fill in the Synopsis }}')`n`n## SYNTAX`n`n")
    foreach ($set in $orderedSets) {
        if ($allSets.Count -gt 1) {
            $suffix = if ($set.Name -eq $default) { ' (Default)' } else { '' }
            $null = $out.Append("### $($set.Name)$suffix`n")
        }
        $syntax = "$($cmd.Name) $set" -replace '\[-ProgressAction <ActionPreference>\] ', ''
        $null = $out.Append("$fence`n$syntax`n$fence`n`n")
    }
    $null = $out.Append("## DESCRIPTION`n$(Get-Section $page 'DESCRIPTION' '{{ Fill in the Description }}')`n`n")
    $exampleStub = "### Example 1`n$($fence)powershell`n{{ Add example code here }}`n$fence"
    $null = $out.Append("## EXAMPLES`n`n$(Get-Section $page 'EXAMPLES' $exampleStub)`n`n## PARAMETERS`n`n")

    $names = @($cmd.Parameters.Keys | Where-Object { -not $commonParameters.Contains($_) })
    $ordered = @($names | Where-Object { $_ -notin 'Confirm', 'WhatIf' } | Sort-Object) + @($names | Where-Object { $_ -in 'Confirm', 'WhatIf' } | Sort-Object)
    foreach ($name in $ordered) {
        $parameter = $cmd.Parameters[$name]
        $text = if ($page.ParameterText[$name]) { $page.ParameterText[$name] } elseif ($standardText[$name]) { $standardText[$name] } else { "{{ Fill $name Description }}" }
        $null = $out.Append("### -$name`n$text`n`n")
        # One block per distinct (Required, Position, pipeline) combination, as platyPS does.
        $groups = [ordered]@{}
        $setNames = if ($parameter.ParameterSets.ContainsKey('__AllParameterSets')) { $allSets } else { @($allSets | Where-Object { $parameter.ParameterSets.ContainsKey($_) }) }
        foreach ($setName in $setNames) {
            $metadata = if ($parameter.ParameterSets.ContainsKey($setName)) { $parameter.ParameterSets[$setName] } else { $parameter.ParameterSets['__AllParameterSets'] }
            $position = if ($metadata.Position -eq [int]::MinValue) { 'Named' } else { "$($metadata.Position)" }
            $key = "$($metadata.IsMandatory)|$position|$(Get-PipelineText $metadata)"
            if (-not $groups.Contains($key)) { $groups[$key] = [System.Collections.Generic.List[string]]::new() }
            $groups[$key].Add($setName)
        }
        $isSwitch = $parameter.ParameterType -eq [switch]
        $validateSet = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
        $wildcards = [bool]($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
        $defaultValue = if ($page.ParameterDefault[$name]) { $page.ParameterDefault[$name] } elseif ($isSwitch) { 'False' } else { 'None' }
        foreach ($key in $groups.Keys) {
            $required, $position, $pipeline = $key -split '\|'
            $sets = if ($groups.Count -eq 1 -and $groups[$key].Count -eq $allSets.Count) { '(All)' } else { $groups[$key] -join ', ' }
            $null = $out.Append("$($fence)yaml`nType: $(Get-TypeName $parameter.ParameterType)`nParameter Sets: $sets`nAliases:$(if ($parameter.Aliases.Count) { ' ' + ($parameter.Aliases -join ', ') })`n")
            if ($validateSet) { $null = $out.Append("Accepted values: $($validateSet.ValidValues -join ', ')`n") }
            $null = $out.Append("`nRequired: $required`nPosition: $position`nDefault value: $defaultValue`nAccept pipeline input: $pipeline`nAccept wildcard characters: $wildcards`n$fence`n`n")
        }
    }
    $null = $out.Append("### CommonParameters`n$commonSentence`n`n")
    $null = $out.Append("## INPUTS`n`n$(Get-Section $page 'INPUTS' "### None")`n`n## OUTPUTS`n`n$(Get-Section $page 'OUTPUTS' "### System.Object")`n`n")
    $null = $out.Append("## NOTES`n`n$(Get-Section $page 'NOTES' '')`n`n## RELATED LINKS`n`n$(Get-Section $page 'RELATED LINKS' "[about_$($module.Name)](about_$($module.Name).md)")`n")
    $text = ($out.ToString() -replace "`n{3,}", "`n`n")
    if ($PSCmdlet.ShouldProcess($path, 'Write help page')) {
        [System.IO.File]::WriteAllText($path, $text, [System.Text.UTF8Encoding]::new($false))
        Write-Verbose "wrote $path"
    }
}
