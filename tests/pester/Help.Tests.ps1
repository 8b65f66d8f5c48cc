<#
Help gate for docs/en-US (issue 4, help-format.md §3.3), against the built module in out/:
- drift: every exported cmdlet has a page and no page is orphaned; parameter sets, default set, names, types,
  Required, Position, pipeline input, aliases, wildcards and accepted values match Get-Command; every parameter
  is described; no {{ }} placeholders. Failures name the cmdlet, the set and the field.
- Get-Help shows each page's synopsis, description, parameter text and examples; about_SecretsPS works.
- every example runs against moto after a shared setup. What an example must show comes from
  tests/pester/HelpExamples.psd1 (not from the pages: platyPS would print HTML comments in the help): Illustrative
  skips it with the reason, ExpectedError names the errors it documents (it must produce those and no other;
  an example without one must produce none), Prints lists texts its formatted output must contain. An entry that
  names a page or an example that does not exist fails, so the data file and the pages cannot drift apart.
- pages hold no HTML comments (platyPS 0.14 would print them verbatim; the help compiler refuses them too).
#>

BeforeDiscovery {
    $repoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
    $docs = Join-Path $repoRoot 'docs/en-US'

    # Fence-aware reader for platyPS schema 2.0.0 pages: code fences are tracked before headings, so a '# comment'
    # inside an example stays code.
    function Read-HelpPage([string] $Path) {
        $lines = (Get-Content -Raw -LiteralPath $Path) -replace "`r`n", "`n" -split "`n"
        $page = @{
            Path = $Path; File = [IO.Path]::GetFileName($Path); FrontMatter = @{}; H1 = @(); H2 = [System.Collections.Generic.List[string]]::new()
            Synopsis = ''; Description = @(); Sets = [System.Collections.Generic.List[string]]::new(); DefaultSet = $null
            Parameters = [System.Collections.Generic.List[hashtable]]::new(); CommonParameters = $false
            Examples = [System.Collections.Generic.List[hashtable]]::new(); Placeholders = @(); Outputs = [System.Collections.Generic.List[string]]::new()
            HtmlComments = [System.Collections.Generic.List[string]]::new()
        }
        $i = 0
        if ($lines[0] -eq '---') {
            for ($i = 1; $i -lt $lines.Count -and $lines[$i] -ne '---'; $i++) {
                if ($lines[$i] -match '^([^:]+):\s*(.*)$') { $page.FrontMatter[$Matches[1].Trim()] = $Matches[2].Trim() }
            }
            $i++
        }
        $page.Placeholders = @([regex]::Matches(($lines -join "`n"), '\{\{.*?\}\}') | ForEach-Object Value)

        # Blocks: @{ Kind = Heading|Text|Fence; Level; Text; Info }
        $blocks = [System.Collections.Generic.List[hashtable]]::new()
        $paragraph = [System.Collections.Generic.List[string]]::new()
        $flush = { if ($paragraph.Count) { $blocks.Add(@{ Kind = 'Text'; Text = ($paragraph -join ' ') }); $paragraph.Clear() } }
        for (; $i -lt $lines.Count; $i++) {
            $line = $lines[$i]
            if ($line -match '^\s{0,3}(`{3,}|~{3,})\s*(\S*)') {
                & $flush
                $fence = $Matches[1]; $info = $Matches[2]; $code = [System.Collections.Generic.List[string]]::new()
                for ($i++; $i -lt $lines.Count -and -not ($lines[$i].Trim() -match "^$([regex]::Escape($fence))$([regex]::Escape($fence[0]))*$"); $i++) { $code.Add($lines[$i]) }
                $blocks.Add(@{ Kind = 'Fence'; Info = $info; Text = ($code -join "`n") })
            }
            elseif ($line -match '<!--') {
                & $flush
                $page.HtmlComments.Add("line $($i + 1): $($line.Trim())")
            }
            elseif ($line -match '^(#{1,6})\s+(.*?)\s*$') {
                & $flush
                $blocks.Add(@{ Kind = 'Heading'; Level = $Matches[1].Length; Text = $Matches[2] })
            }
            elseif ($line.Trim() -eq '') { & $flush }
            elseif ($line -match '^\s*([-*]|\d+\.)\s') { & $flush; $paragraph.Add($line.Trim()) }
            else { $paragraph.Add($line.Trim()) }
        }
        & $flush

        $section = $null; $h3 = $null; $parameter = $null; $example = $null
        foreach ($block in $blocks) {
            if ($block.Kind -eq 'Heading') {
                switch ($block.Level) {
                    1 { $page.H1 += $block.Text; $section = $null }
                    2 { $section = $block.Text.ToUpperInvariant(); $page.H2.Add($section); $h3 = $null; $parameter = $null; $example = $null }
                    3 {
                        $h3 = $block.Text
                        if ($section -eq 'SYNTAX') {
                            $name = $h3 -replace '\s*\(Default\)$', ''
                            $page.Sets.Add($name)
                            if ($h3 -match '\(Default\)$') { $page.DefaultSet = $name }
                        }
                        elseif ($section -eq 'PARAMETERS') {
                            $parameter = $null
                            if ($h3 -eq 'CommonParameters') { $page.CommonParameters = $true }
                            elseif ($h3 -match '^-(.+)$') {
                                $parameter = @{ Name = $Matches[1]; Description = [System.Collections.Generic.List[string]]::new(); Blocks = [System.Collections.Generic.List[hashtable]]::new() }
                                $page.Parameters.Add($parameter)
                            }
                        }
                        elseif ($section -eq 'OUTPUTS') { $page.Outputs.Add($h3) }
                        elseif ($section -eq 'EXAMPLES') {
                            $example = @{ Title = $h3; Code = [System.Collections.Generic.List[string]]::new(); Remarks = [System.Collections.Generic.List[string]]::new() }
                            $page.Examples.Add($example)
                        }
                    }
                }
                continue
            }
            switch ($section) {
                'SYNOPSIS' { if ($block.Kind -eq 'Text') { $page.Synopsis = ($page.Synopsis + ' ' + $block.Text).Trim() } }
                'DESCRIPTION' { if ($block.Kind -eq 'Text') { $page.Description += $block.Text } }
                'PARAMETERS' {
                    if (-not $parameter) { break }
                    if ($block.Kind -eq 'Fence' -and $block.Info -eq 'yaml') {
                        $yaml = @{}
                        foreach ($yamlLine in $block.Text -split "`n") {
                            if ($yamlLine -match '^([^:]+):\s*(.*)$') { $yaml[$Matches[1].Trim()] = $Matches[2].Trim() }
                        }
                        $parameter.Blocks.Add($yaml)
                    }
                    elseif ($block.Kind -eq 'Text' -and $parameter.Blocks.Count -eq 0) { $parameter.Description.Add($block.Text) }
                }
                'EXAMPLES' {
                    if (-not $example) { break }
                    if ($block.Kind -eq 'Fence') { $example.Code.Add($block.Text) }
                    elseif ($block.Kind -eq 'Text' -and $example.Code.Count) { $example.Remarks.Add($block.Text) }
                }
            }
        }
        $page
    }

    $allPages = @(Get-ChildItem -LiteralPath $docs -Filter '*.md' | Sort-Object Name | ForEach-Object { Read-HelpPage $_.FullName })
    $commandPages = @($allPages | Where-Object { -not $_.FrontMatter.ContainsKey('Module Guid') -and $_.File -notlike 'about_*' })
    # Test annotations per example: cmdlet name -> example title without 'Example N: ' -> Prints/ExpectedError/Illustrative.
    $annotationsFile = Join-Path $PSScriptRoot 'HelpExamples.psd1'
    $annotations = Import-PowerShellDataFile -LiteralPath $annotationsFile
    function Get-ExampleKey([string] $Title) { $Title -replace '^Example\s+\d+\s*:\s*', '' }
    $exampleCases = foreach ($page in $commandPages) {
        $index = 0
        $pageAnnotations = if ($annotations.ContainsKey($page.H1[0])) { $annotations[$page.H1[0]] } else { @{} }
        foreach ($example in $page.Examples) {
            $index++
            $key = Get-ExampleKey $example.Title
            $entry = if ($pageAnnotations.ContainsKey($key)) { $pageAnnotations[$key] } else { @{} }
            @{
                Command = $page.H1[0]; Title = $example.Title; Index = $index
                Code = ($example.Code -join "`n`n"); Illustrative = [string]$entry['Illustrative']
                ExpectedErrors = @($entry['ExpectedError'] | Where-Object { $_ }); Prints = @($entry['Prints'] | Where-Object { $_ })
            }
        }
    }
    # One case per entry of HelpExamples.psd1: each must name an existing example and use only the known fields.
    $annotationCases = foreach ($command in $annotations.Keys | Sort-Object) {
        $page = $commandPages | Where-Object { $_.H1[0] -eq $command } | Select-Object -First 1
        foreach ($key in $annotations[$command].Keys | Sort-Object) {
            @{
                Command = $command; Key = $key; Entry = $annotations[$command][$key]; PageFound = [bool]$page
                PageExamples = @(if ($page) { $page.Examples | ForEach-Object { Get-ExampleKey $_.Title } })
            }
        }
    }
    # What the examples must show between them (issue 4): every pipeline of the cmdlets issue and the key features.
    $allExampleCode = ($exampleCases | Where-Object { -not $_.Illustrative } | ForEach-Object Code) -join "`n"
    $coverageCases = @(
        @{ AllCode = $allExampleCode; Feature = 'New-RandomPassword | New-Secret'; Pattern = 'New-RandomPassword[^|\n]*\|\s*New-Secret' }
        @{ AllCode = $allExampleCode; Feature = "Find-Secret 'app/*' | Get-SecretValue -AsPlainText"; Pattern = "Find-Secret 'app/\*' \| Get-SecretValue -AsPlainText" }
        @{ AllCode = $allExampleCode; Feature = "'a', 'missing', 'b' | Get-SecretValue"; Pattern = "'[^']+', '[^']*missing', '[^']+' \| Get-SecretValue" }
        @{ AllCode = $allExampleCode; Feature = 'the rollback pipeline'; Pattern = 'Get-SecretVersion \S+ \| Where-Object VersionStages -contains AWSPREVIOUS \| Publish-SecretVersion -VersionStage AWSCURRENT' }
        @{ AllCode = $allExampleCode; Feature = "Find-Secret 'tmp/*' | Remove-Secret -ForceDeleteWithoutRecovery -Force"; Pattern = "Find-Secret 'tmp/\*' \| (SecretsPS\\)?Remove-Secret -ForceDeleteWithoutRecovery -Force" }
        @{ AllCode = $allExampleCode; Feature = 'New-Secret | Set-Secret -PassThru | Get-SecretValue'; Pattern = 'New-Secret [^|\n]*\| (SecretsPS\\)?Set-Secret [^|\n]*-PassThru \| Get-SecretValue' }
        @{ AllCode = $allExampleCode; Feature = 'a JSON key (-Key)'; Pattern = 'Get-SecretValue [^\n]*-Key ' }
        @{ AllCode = $allExampleCode; Feature = 'a SecureString value'; Pattern = '-SecureString|\| (New-Secret|Publish-SecretVersion)' }
        @{ AllCode = $allExampleCode; Feature = '-AsPlainText'; Pattern = '-AsPlainText' }
        @{ AllCode = $allExampleCode; Feature = '-WhatIf'; Pattern = '-WhatIf' }
        @{ AllCode = $allExampleCode; Feature = 'local testing with -EndpointUrl'; Pattern = "EndpointUrl = 'http://127\.0\.0\.1:5000'|-EndpointUrl http://127\.0\.0\.1:5000" }
    )
}

BeforeAll {
    if (Test-Path -LiteralPath (Join-Path $PSScriptRoot 'Common.ps1')) {
        . (Join-Path $PSScriptRoot 'Common.ps1')
    }
    else {
        # Until tests/pester/Common.ps1 lands: the same import from out/ that it performs.
        $RepoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
        $ModuleVersion = [string](Import-PowerShellDataFile -LiteralPath (Join-Path $RepoRoot 'SecretsPS.psd1')).ModuleVersion
        $ModuleDir = Join-Path $RepoRoot "out/SecretsPS/$ModuleVersion"
        Import-Module (Join-Path $ModuleDir 'SecretsPS.psd1') -Force -ErrorAction Stop
        $Endpoint = $env:SECRETSPS_TEST_ENDPOINT
    }

    $script:Commands = @(Get-Command -Module SecretsPS -CommandType Cmdlet)
    $script:CommonNames = [System.Collections.Generic.HashSet[string]]::new(
        [string[]]@([System.Management.Automation.PSCmdlet]::CommonParameters + 'UseTransaction' + 'ProgressAction'),
        [System.StringComparer]::OrdinalIgnoreCase)

    function Get-PipelineText($Metadata) {
        if ($Metadata.ValueFromPipeline -and $Metadata.ValueFromPipelineByPropertyName) { 'True (ByPropertyName, ByValue)' }
        elseif ($Metadata.ValueFromPipeline) { 'True (ByValue)' }
        elseif ($Metadata.ValueFromPipelineByPropertyName) { 'True (ByPropertyName)' }
        else { 'False' }
    }

    function Split-List([string] $Value) { @($Value -split ',' | ForEach-Object Trim | Where-Object { $_ }) }

    # Compares one page with Get-Command; returns one message per difference, each naming cmdlet, set and field.
    function Compare-HelpPage($Page, [System.Management.Automation.CmdletInfo] $Cmd) {
        $name = $Cmd.Name
        $problems = [System.Collections.Generic.List[string]]::new()
        $expectedHelpFile = [IO.Path]::GetFileName($Cmd.ImplementingType.Assembly.Location) + '-Help.xml'
        if ($Page.FrontMatter['external help file'] -ne $expectedHelpFile) { $problems.Add("${name}: external help file is '$($Page.FrontMatter['external help file'])', real '$expectedHelpFile'") }
        if ($Page.FrontMatter['Module Name'] -ne $Cmd.ModuleName) { $problems.Add("${name}: Module Name is '$($Page.FrontMatter['Module Name'])', real '$($Cmd.ModuleName)'") }
        if ($Page.FrontMatter['online version'] -ne $Cmd.HelpUri) { $problems.Add("${name}: online version is '$($Page.FrontMatter['online version'])', the cmdlet's HelpUri is '$($Cmd.HelpUri)'") }

        $realSets = @($Cmd.ParameterSets.Name)
        if ($realSets.Count -gt 1) {
            $missing = @($realSets | Where-Object { $_ -notin $Page.Sets })
            $extra = @($Page.Sets | Where-Object { $_ -notin $realSets })
            foreach ($set in $missing) { $problems.Add("${name}: parameter set '$set' is not documented under SYNTAX") }
            foreach ($set in $extra) { $problems.Add("${name}: documented parameter set '$set' does not exist (real: $($realSets -join ', '))") }
            if ($Page.DefaultSet -ne $Cmd.DefaultParameterSet) { $problems.Add("${name}: default set documented as '$($Page.DefaultSet)', real '$($Cmd.DefaultParameterSet)'") }
        }
        elseif ($Page.Sets.Count -gt 0) { $problems.Add("${name}: SYNTAX documents sets ($($Page.Sets -join ', ')) but the cmdlet has a single parameter set") }

        $realNames = @($Cmd.Parameters.Keys | Where-Object { -not $script:CommonNames.Contains($_) })
        $documented = @{}
        foreach ($parameter in $Page.Parameters) { $documented[$parameter.Name] = $parameter }
        foreach ($parameterName in $realNames) { if (-not $documented.ContainsKey($parameterName)) { $problems.Add("${name}: parameter -$parameterName is not documented") } }
        foreach ($parameterName in $documented.Keys) {
            if ($parameterName -notin $realNames) { $problems.Add("${name}: documented parameter -$parameterName does not exist"); continue }
            $doc = $documented[$parameterName]
            if (-not ($doc.Description -join '').Trim() -or ($doc.Description -join '') -match '\{\{') { $problems.Add("${name}: -$parameterName has no description") }
            if ($doc.Blocks.Count -eq 0) { $problems.Add("${name}: -$parameterName has no yaml block"); continue }
            $real = $Cmd.Parameters[$parameterName]
            $type = $real.ParameterType
            if ([Nullable]::GetUnderlyingType($type)) { $type = [Nullable]::GetUnderlyingType($type) }
            $wildcards = [bool]($real.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
            $validateSet = @($real.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | ForEach-Object ValidValues)
            foreach ($set in $realSets) {
                $metadata = $real.ParameterSets[$set]
                if (-not $metadata) { $metadata = $real.ParameterSets['__AllParameterSets'] }
                if (-not $metadata) { continue }
                $label = "${name}: -$parameterName [$(if ($set -eq '__AllParameterSets') { '(All)' } else { $set })]"
                $block = $doc.Blocks | Where-Object { $_['Parameter Sets'] -eq '(All)' -or (Split-List $_['Parameter Sets']) -contains $set } | Select-Object -First 1
                if (-not $block) { $problems.Add("${label}: not documented in this set (Parameter Sets: $(($doc.Blocks | ForEach-Object { $_['Parameter Sets'] }) -join ' | '))"); continue }
                if ($block['Type'] -notin $type.Name, $type.FullName, $type.ToString()) { $problems.Add("${label}: Type '$($block['Type'])' <> '$($type.Name)'") }
                $required = if ($metadata.IsMandatory) { 'True' } else { 'False' }
                if ($block['Required'] -ne $required) { $problems.Add("${label}: Required '$($block['Required'])' <> '$required'") }
                $position = if ($metadata.Position -eq [int]::MinValue) { 'Named' } else { "$($metadata.Position)" }
                if ($block['Position'] -ne $position) { $problems.Add("${label}: Position '$($block['Position'])' <> '$position'") }
                $pipeline = Get-PipelineText $metadata
                if ($block['Accept pipeline input'] -ne $pipeline) { $problems.Add("${label}: Accept pipeline input '$($block['Accept pipeline input'])' <> '$pipeline'") }
                if ($block['Accept wildcard characters'] -ne "$wildcards") { $problems.Add("${label}: Accept wildcard characters '$($block['Accept wildcard characters'])' <> '$wildcards'") }
                $aliases = @(Split-List $block['Aliases'] | Sort-Object)
                $realAliases = @($real.Aliases | Sort-Object)
                if (($aliases -join ',') -ne ($realAliases -join ',')) { $problems.Add("${label}: Aliases '$($aliases -join ', ')' <> '$($realAliases -join ', ')'") }
                $accepted = @(if ($block.ContainsKey('Accepted values')) { Split-List $block['Accepted values'] | Sort-Object })
                if (($accepted -join ',') -ne (@($validateSet | Sort-Object) -join ',')) { $problems.Add("${label}: Accepted values '$($accepted -join ', ')' <> '$($validateSet -join ', ')'") }
            }
            foreach ($block in $doc.Blocks) {
                foreach ($set in (Split-List $block['Parameter Sets'])) {
                    if ($set -ne '(All)' -and $realSets.Count -gt 1 -and -not $real.ParameterSets.ContainsKey($set) -and -not $real.ParameterSets.ContainsKey('__AllParameterSets')) {
                        $problems.Add("${name}: -$parameterName [$set]: documented in a set the parameter is not in")
                    }
                }
            }
        }
        $problems
    }

    # Shared setup for the examples: the secrets they assume, in a known state, written with boto3 so that the
    # setup does not depend on the cmdlets under test. Secrets under app/, tmp/ and old/ are removed first.
    $script:FixtureScript = @'
import json, os, sys
import boto3
client = boto3.client("secretsmanager", endpoint_url=os.environ["SECRETSPS_TEST_ENDPOINT"], region_name=os.environ.get("AWS_REGION", "us-east-1"))
token = None
while True:
    page = client.list_secrets(IncludePlannedDeletion=True, MaxResults=100, **({"NextToken": token} if token else {}))
    for secret in page["SecretList"]:
        if secret["Name"].split("/")[0] in ("app", "tmp", "old"):
            client.delete_secret(SecretId=secret["ARN"], ForceDeleteWithoutRecovery=True)
    token = page.get("NextToken")
    if not token:
        break
if sys.argv[1:] == ["clean"]:
    sys.exit(0)
db = {"username": "admin", "password": "0ld-Passw0rd", "host": "db.example.com", "port": 5432}
client.create_secret(Name="app/db", SecretString=json.dumps(db), Description="App database",
                     Tags=[{"Key": "team", "Value": "payments"}, {"Key": "obsolete", "Value": "yes"}])
db["password"] = "N3w-Passw0rd"
client.put_secret_value(SecretId="app/db", SecretString=json.dumps(db))
client.create_secret(Name="app/api-key", SecretString="k3y-4-the-api", Tags=[{"Key": "team", "Value": "payments"}])
client.create_secret(Name="tmp/build-1", SecretString="scratch-1")
client.create_secret(Name="tmp/build-2", SecretString="scratch-2")
client.create_secret(Name="old/report-key", SecretString="r3port")
client.delete_secret(SecretId="old/report-key", RecoveryWindowInDays=7)
'@
    function Reset-ExampleFixture([switch] $CleanOnly) {
        $file = Join-Path ([IO.Path]::GetTempPath()) "secretsps-help-fixture-$([guid]::NewGuid().ToString('N')).py"
        Set-Content -LiteralPath $file -Value $script:FixtureScript -Encoding utf8NoBOM
        try {
            $output = & python3 $file @(if ($CleanOnly) { 'clean' }) 2>&1
            if ($LASTEXITCODE -ne 0) { throw "example fixture setup failed: $($output -join "`n")" }
        }
        finally { Remove-Item -LiteralPath $file -ErrorAction Ignore }
    }
}

Describe 'Help pages match the cmdlets (drift gate)' {
    It 'every exported cmdlet has a page' -ForEach @(@{ PageNames = @($commandPages | ForEach-Object { $_.H1[0] }) }) {
        $missing = @($script:Commands.Name | Where-Object { $_ -notin $PageNames })
        $missing | Should -BeNullOrEmpty -Because 'each exported cmdlet needs docs/en-US/<Name>.md'
    }

    It 'no page is orphaned: <File>' -ForEach $commandPages {
        $script:Commands.Name | Should -Contain $H1[0] -Because "$File documents '$($H1[0])', which the module does not export"
    }

    Context '<File>' -ForEach $commandPages {
        It 'has one H1 naming the command, matching the file name' {
            $H1.Count | Should -Be 1
            $H1[0] | Should -BeExactly ([IO.Path]::GetFileNameWithoutExtension($File))
        }

        It 'has all nine sections, CommonParameters, at least two examples and no {{ }} placeholder' {
            $missing = @('SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS' | Where-Object { $_ -notin $H2 })
            $missing | Should -BeNullOrEmpty -Because "$($H1[0]) needs every schema section"
            $CommonParameters | Should -BeTrue -Because "$($H1[0]) needs '### CommonParameters'"
            $Examples.Count | Should -BeGreaterOrEqual 2 -Because "$($H1[0]) needs at least two examples"
            $Placeholders | Should -BeNullOrEmpty -Because "$($H1[0]) still has placeholders"
            $Synopsis | Should -Not -BeNullOrEmpty
        }

        It 'has no HTML comment (platyPS would print it in the help; example annotations go in HelpExamples.psd1)' {
            $HtmlComments | Should -BeNullOrEmpty -Because "$File must be plain platyPS markdown"
        }

        It 'documents every [OutputType] under OUTPUTS' {
            $cmd = $script:Commands | Where-Object Name -eq $H1[0]
            $missing = @($cmd.OutputType.Name | Sort-Object -Unique | Where-Object { $_ -notin $Outputs })
            $missing | Should -BeNullOrEmpty -Because "$($H1[0]) declares these output types but its OUTPUTS section lacks them"
        }

        It 'matches Get-Command (sets, default set, parameters, types, Required, Position, pipeline, aliases, wildcards, accepted values)' {
            $cmd = $script:Commands | Where-Object Name -eq $H1[0]
            $cmd | Should -Not -BeNullOrEmpty -Because "'$($H1[0])' must be an exported cmdlet"
            $problems = Compare-HelpPage $_ $cmd
            ($problems -join "`n") | Should -BeNullOrEmpty
        }
    }
}

Describe 'HelpExamples.psd1 names only examples the pages have' {
    It '<Command>: <Key>' -ForEach $annotationCases {
        $PageFound | Should -BeTrue -Because "HelpExamples.psd1 has entries for '$Command', which has no page in docs/en-US"
        $PageExamples | Should -Contain $Key -Because "HelpExamples.psd1 annotates the $Command example '$Key', which docs/en-US/$Command.md does not have (its examples: $($PageExamples -join '; ')); update the entry with the page"
        @($PageExamples | Where-Object { $_ -eq $Key }).Count | Should -Be 1 -Because "docs/en-US/$Command.md must have one example titled '$Key' for the entry to be unambiguous"
        $unknown = @($Entry.Keys | Where-Object { $_ -notin 'Prints', 'ExpectedError', 'Illustrative' })
        $unknown | Should -BeNullOrEmpty -Because 'an entry holds only Prints, ExpectedError and Illustrative'
        @($Entry.Keys).Count | Should -BeGreaterThan 0 -Because 'an empty entry asserts nothing'
        if ($Entry.ContainsKey('Illustrative')) {
            "$($Entry.Illustrative)".Trim() | Should -Not -BeNullOrEmpty -Because 'an illustrative example says why it cannot run'
            @($Entry.Keys).Count | Should -Be 1 -Because 'an illustrative example does not run, so Prints or ExpectedError would never be checked'
        }
    }
}

Describe 'Examples cover the pipelines and features of the cmdlets issue' {
    It 'some example shows <Feature>' -ForEach $coverageCases {
        $AllCode | Should -Match $Pattern
    }
}

Describe 'The drift gate catches a changed page' {
    It 'reports the cmdlet, set and field of a wrong Position, a wrong default set and an unknown parameter' -ForEach @(@{ Page = ($commandPages | Where-Object { $_.H1[0] -eq 'Get-SecretValue' }) }) {
        $page = $Page
        $cmd = $script:Commands | Where-Object Name -eq 'Get-SecretValue'
        $changed = @{} + $page
        $changed.DefaultSet = 'NoSuchSet'
        $changed.Parameters = [System.Collections.Generic.List[hashtable]]::new()
        foreach ($parameter in $page.Parameters) {
            $copy = @{} + $parameter
            if ($parameter.Name -eq 'SecretId') {
                $copy.Blocks = [System.Collections.Generic.List[hashtable]]::new()
                foreach ($block in $parameter.Blocks) { $b = @{} + $block; $b['Position'] = '7'; $copy.Blocks.Add($b) }
            }
            $changed.Parameters.Add($copy)
        }
        $changed.Parameters.Add(@{ Name = 'Loud'; Description = @('Shouts.'); Blocks = @(@{ 'Parameter Sets' = '(All)' }) })

        $problems = Compare-HelpPage $changed $cmd

        $problems | Should -Contain "Get-SecretValue: documented parameter -Loud does not exist"
        $problems | Should -Contain "Get-SecretValue: default set documented as 'NoSuchSet', real '$($cmd.DefaultParameterSet)'"
        @($problems -like "Get-SecretValue: -SecretId ``[$($cmd.DefaultParameterSet)``]: Position '7' <> '0'").Count | Should -Be 1
    }
}

Describe 'Get-Help shows the compiled help' {
    It '<File>: synopsis, description, parameter text and examples' -ForEach $commandPages {
        $help = Get-Help -Name $H1[0] -Full
        $help.Synopsis | Should -BeExactly (($Synopsis -replace '\*\*', '') -replace '\\([<>\[\]`])', '$1')
        $firstParagraph = ($Description[0] -replace '\*\*', '') -replace '\[([^\]]+)\]\([^)]+\)', '$1'
        ($help.description.Text -join "`n") | Should -Match ([regex]::Escape($firstParagraph.Substring(0, [Math]::Min(40, $firstParagraph.Length))))
        foreach ($parameter in $Parameters) {
            $text = (Get-Help -Name $H1[0] -Parameter $parameter.Name).description.Text -join ' '
            $text | Should -Not -BeNullOrEmpty -Because "Get-Help $($H1[0]) -Parameter $($parameter.Name) must show the page's text"
        }
        @($help.examples.example).Count | Should -Be $Examples.Count
        $help.examples.example[0].code | Should -BeExactly $Examples[0].Code[0]
        $help.relatedLinks.navigationLink[0].uri | Should -BeExactly $FrontMatter['online version']
    }

    It 'Get-Help New-Secret -Full is complete' {
        $text = Get-Help New-Secret -Full | Out-String -Width 200
        foreach ($expected in 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS', 'Example 1:', '-SecureString <SecureString>', 'SecretsPS.SecretInfo', 'Online Version:') {
            $text | Should -Match ([regex]::Escape($expected))
        }
        $text | Should -Not -Match 'Fill in the|\{\{'
    }

    It 'Get-Help about_SecretsPS shows the about topic' {
        $text = Get-Help about_SecretsPS | Out-String
        $text | Should -Match 'about_SecretsPS'
        $text | Should -Match 'SHORT DESCRIPTION'
        $text | Should -Match 'SecretsPS\\Set-Secret'
    }
}

Describe 'Help examples run against moto' -Tag 'Integration' {
    BeforeAll {
        $env:SECRETSPS_TEST_ENDPOINT | Should -Not -BeNullOrEmpty -Because 'the examples run against moto (./build.ps1 -Task Test starts it)'
        $script:WorkDir = Join-Path ([IO.Path]::GetTempPath()) "secretsps-help-examples-$([guid]::NewGuid().ToString('N'))"
        $null = New-Item -ItemType Directory -Path $script:WorkDir
    }
    AfterAll {
        Remove-Item -LiteralPath $script:WorkDir -Recurse -Force -ErrorAction Ignore
        # Leave no app/, tmp/ or old/ secrets behind for the test files that run after this one.
        if ($env:SECRETSPS_TEST_ENDPOINT) { Reset-ExampleFixture -CleanOnly }
    }

    It '<Command>: <Title>' -ForEach $exampleCases {
        if ($Illustrative) { Set-ItResult -Skipped -Because "illustrative: $Illustrative"; return }
        Reset-ExampleFixture
        # Examples that show local testing name http://127.0.0.1:5000; the test server listens elsewhere.
        $code = $Code.Replace('http://127.0.0.1:5000', $env:SECRETSPS_TEST_ENDPOINT)
        $PSDefaultParameterValues = @{ '*:EndpointUrl' = $env:SECRETSPS_TEST_ENDPOINT; '*:Confirm' = $false }
        # As in an interactive session: errors do not stop the example (Pester's tests run with 'Stop').
        $ErrorActionPreference = 'Continue'
        $Error.Clear()
        Push-Location -LiteralPath $script:WorkDir
        try {
            $output = & ([scriptblock]::Create($code)) 6>&1 5>&1 4>&1 3>&1
            $text = $output | Out-String -Width 300
        }
        finally { Pop-Location }
        $ErrorActionPreference = 'Stop'
        $errors = @($Error | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_ } else { $_.ErrorRecord } } | Where-Object { $_ })
        $unexpected = @($errors | Where-Object { $id = $_.FullyQualifiedErrorId; -not ($ExpectedErrors | Where-Object { $id -like "$_,*" -or $id -eq $_ }) })
        ($unexpected | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" }) -join "`n" | Should -BeNullOrEmpty -Because "the example must run without errors"
        foreach ($expectedId in $ExpectedErrors) {
            @($errors | Where-Object { $_.FullyQualifiedErrorId -like "$expectedId,*" -or $_.FullyQualifiedErrorId -eq $expectedId }).Count | Should -BeGreaterThan 0 -Because "the example documents the error $expectedId"
        }
        foreach ($expectedText in $Prints) {
            $text | Should -Match ([regex]::Escape($expectedText)) -Because "the example says it prints '$expectedText'"
        }
    }
}
