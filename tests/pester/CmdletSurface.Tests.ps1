# The shape every SecretsPS cmdlet shares: parameters, help links, output types, binding from other objects,
# configuration errors, Ctrl+C, and value-free ToString/format output.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $PSDefaultParameterValues['*:EndpointUrl'] = $Endpoint
    $script:CmdletNames = 'New-Secret', 'Get-SecretValue', 'Set-Secret', 'Publish-SecretVersion', 'Remove-Secret',
        'New-RandomPassword', 'Find-Secret', 'Get-SecretVersion', 'Restore-Secret'
}

AfterAll {
    $PSDefaultParameterValues.Remove('*:EndpointUrl')
}

Describe 'Cmdlet surface' {
    It '<_> declares the common connection parameters statically' -ForEach @(
        'New-Secret', 'Get-SecretValue', 'Set-Secret', 'Publish-SecretVersion', 'Remove-Secret',
        'New-RandomPassword', 'Find-Secret', 'Get-SecretVersion', 'Restore-Secret'
    ) {
        $command = Get-Command -Name $_ -Module SecretsPS
        $command.Parameters['Region'].ParameterType | Should -Be ([string])
        $command.Parameters['ProfileName'].ParameterType | Should -Be ([string])
        $command.Parameters['EndpointUrl'].ParameterType | Should -Be ([string])
        $command.Parameters['Credential'].ParameterType | Should -Be ([pscredential])
        $command.Parameters['SessionToken'].ParameterType | Should -Be ([securestring])
        $command.Parameters['Region'].IsDynamic | Should -BeFalse
    }

    It '<_> links to its help page and declares an output type' -ForEach @(
        'New-Secret', 'Get-SecretValue', 'Set-Secret', 'Publish-SecretVersion', 'Remove-Secret',
        'New-RandomPassword', 'Find-Secret', 'Get-SecretVersion', 'Restore-Secret'
    ) {
        $command = Get-Command -Name $_ -Module SecretsPS
        $command.HelpUri | Should -Be "https://github.com/secretsps/SecretsPS/blob/main/docs/en-US/$_.md"
        $command.OutputType | Should -Not -BeNullOrEmpty
    }

    It 'mutating cmdlets support -WhatIf and -Confirm; Remove-Secret has ConfirmImpact High' {
        foreach ($name in 'New-Secret', 'Set-Secret', 'Publish-SecretVersion', 'Remove-Secret', 'Restore-Secret') {
            (Get-Command $name).Parameters.Keys | Should -Contain 'WhatIf'
        }
        $attribute = [SecretsPS.Commands.RemoveSecretCommand].GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
    }

    It 'reading cmdlets do not support -WhatIf' {
        foreach ($name in 'Get-SecretValue', 'Find-Secret', 'Get-SecretVersion', 'New-RandomPassword') {
            (Get-Command $name).Parameters.Keys | Should -Not -Contain 'WhatIf'
        }
    }

    It 'the cmdlet base class is hidden from IntelliSense' {
        $attribute = [SecretsPS.Commands.SecretsManagerCmdletBase].GetCustomAttributes([System.ComponentModel.EditorBrowsableAttribute], $false)
        $attribute[0].State | Should -Be 'Never'
    }

    It '-SecretId binds by value and by the property names Name, ARN and SecretId' -ForEach @(
        'Get-SecretValue', 'Set-Secret', 'Publish-SecretVersion', 'Remove-Secret', 'Get-SecretVersion', 'Restore-Secret'
    ) {
        $parameter = (Get-Command $_).Parameters['SecretId']
        $parameter.Aliases | Should -Contain 'Name'
        $parameter.Aliases | Should -Contain 'ARN'
        $attributes = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }
        ($attributes | Where-Object ValueFromPipeline) | Should -Not -BeNullOrEmpty
        ($attributes | Where-Object ValueFromPipelineByPropertyName) | Should -Not -BeNullOrEmpty
    }
}

Describe 'Binding from other objects' {
    BeforeAll {
        $script:name = New-TestSecretName -Prefix 'bind'
        $script:info = New-Secret -Name $name -SecretString 'bind-value-1'
    }

    AfterAll {
        Remove-Secret -SecretId $name -ForceDeleteWithoutRecovery -Force -ErrorAction SilentlyContinue
    }

    It 'binds an AWS.Tools-style object by its ARN property' {
        [pscustomobject]@{ ARN = $info.ARN; CreatedDate = Get-Date } | Get-SecretValue -AsPlainText | Should -Be 'bind-value-1'
    }

    It 'binds an object with a SecretId property' {
        [pscustomobject]@{ SecretId = $name } | Get-SecretValue -AsPlainText | Should -Be 'bind-value-1'
    }

    It 'binds an object with only a Name property' {
        [pscustomobject]@{ Name = $name } | Get-SecretVersion | Select-Object -ExpandProperty Name | Should -Be $name
    }

    It 'binds SecretInfo, SecretValue and SecretVersion objects' {
        $info | Get-SecretValue -AsPlainText | Should -Be 'bind-value-1'
        Get-SecretValue $name | Get-SecretValue -AsPlainText | Should -Be 'bind-value-1'
        Get-SecretVersion $name | Get-SecretValue -AsPlainText | Should -Be 'bind-value-1'
    }
}

Describe 'Tab completion' {
    BeforeAll {
        $script:stem = New-TestSecretName -Prefix 'complete'
        New-Secret -Name "$stem/alpha" -SecretString 'a' | Out-Null
        New-Secret -Name "$stem/beta" -SecretString 'b' | Out-Null
    }

    AfterAll {
        Remove-Secret -SecretId "$stem/alpha", "$stem/beta" -ForceDeleteWithoutRecovery -Force -ErrorAction SilentlyContinue
    }

    It 'completes secret names for <_> from ListSecrets, using the -EndpointUrl on the line' -ForEach @(
        'Get-SecretValue -SecretId', 'Remove-Secret -SecretId', 'Find-Secret -Name', 'Get-SecretVersion'
    ) {
        $line = "$_ $stem/"
        $line = $line -replace '^(\S+)', "`$1 -EndpointUrl '$Endpoint'"
        $result = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $result.CompletionMatches.CompletionText | Sort-Object | Should -Be @("$stem/alpha", "$stem/beta")
    }

    It 'yields nothing, without an error, when the service cannot be reached' {
        $line = "Get-SecretValue -EndpointUrl 'http://127.0.0.1:9' -SecretId x"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | Should -BeNullOrEmpty
    }
}

Describe 'Invocation problems' {
    It 'a missing region is a terminating NoRegion error that says how to fix it' {
        $command = @'
$env:AWS_REGION = $null; $env:AWS_DEFAULT_REGION = $null; $env:AWS_CONFIG_FILE = '/nonexistent/config'
Import-Module '__MANIFEST__'
try { Get-SecretValue -SecretId x -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; [string]$_.CategoryInfo.Category; $_.Exception.Message }
'@.Replace('__MANIFEST__', $ModuleManifest)
        $output = Invoke-ChildPwsh -Command $command
        @($output)[0] | Should -Be 'NoRegion,SecretsPS.Commands.GetSecretValueCommand'
        $output[1] | Should -Be 'InvalidArgument'
        $output[2] | Should -Match '-Region'
        $output[2] | Should -Match 'AWS_REGION'
        $output[2] | Should -Match "profile 'default'"
    }

    It 'a malformed -Region is a terminating InvalidRegion error, not an SDK exception' {
        $e = { Get-SecretValue -SecretId x -Region 'eu-west-1 ' -EndpointUrl 'http://127.0.0.1:9' } |
            Should -Throw -ErrorId 'InvalidRegion,SecretsPS.Commands.GetSecretValueCommand' -PassThru
        $e.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $e.Exception.Message | Should -Match 'not a region name'
    }

    It 'signs for the region it resolved when the endpoint comes from <Variable>' -ForEach @(
        @{ Variable = 'AWS_ENDPOINT_URL_SECRETS_MANAGER'; Environment = ''; Parameters = '-Region eu-west-1'; Expected = 'eu-west-1' }
        @{ Variable = 'AWS_ENDPOINT_URL'; Environment = "`$env:AWS_DEFAULT_REGION = 'ap-south-1'"; Parameters = ''; Expected = 'ap-south-1' }
    ) {
        # moto puts the signing region into the ARN, so the ARN shows which region the request was signed for.
        $name = New-TestSecretName -Prefix 'signing'
        $command = @'
$env:AWS_REGION = $null; $env:AWS_DEFAULT_REGION = $null; $env:AWS_CONFIG_FILE = '/nonexistent/config'
$env:__VARIABLE__ = '__ENDPOINT__'
__ENVIRONMENT__
Import-Module '__MANIFEST__'
(New-Secret -Name '__NAME__' -SecretString 'v' __PARAMETERS__ -ErrorAction Stop).ARN
Remove-Secret -SecretId '__NAME__' -ForceDeleteWithoutRecovery -Force __PARAMETERS__
'@.Replace('__VARIABLE__', $Variable).Replace('__ENDPOINT__', $Endpoint).Replace('__ENVIRONMENT__', $Environment).
        Replace('__MANIFEST__', $ModuleManifest).Replace('__NAME__', $name).Replace('__PARAMETERS__', $Parameters)
        $output = Invoke-ChildPwsh -Command $command
        @($output)[0] | Should -Match "^arn:aws:secretsmanager:$($Expected):"
    }

    It 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS turns a configured endpoint off: no region is then NoRegion' {
        $command = @'
$env:AWS_REGION = $null; $env:AWS_DEFAULT_REGION = $null; $env:AWS_CONFIG_FILE = '/nonexistent/config'
$env:AWS_ENDPOINT_URL = '__ENDPOINT__'; $env:AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = 'true'
Import-Module '__MANIFEST__'
try { Get-SecretValue -SecretId x -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
'@.Replace('__ENDPOINT__', $Endpoint).Replace('__MANIFEST__', $ModuleManifest)
        $output = Invoke-ChildPwsh -Command $command
        @($output)[0] | Should -Be 'NoRegion,SecretsPS.Commands.GetSecretValueCommand'
    }

    It 'missing credentials are a terminating NoCredentials error that says how to fix it' {
        $command = @'
$env:AWS_ACCESS_KEY_ID = $null; $env:AWS_SECRET_ACCESS_KEY = $null; $env:AWS_SESSION_TOKEN = $null; $env:AWS_PROFILE = $null
$env:AWS_CONFIG_FILE = '/nonexistent/config'; $env:AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/credentials'
$env:AWS_EC2_METADATA_DISABLED = 'true'; $env:AWS_CONTAINER_CREDENTIALS_FULL_URI = $null; $env:AWS_CONTAINER_CREDENTIALS_RELATIVE_URI = $null
$env:AWS_WEB_IDENTITY_TOKEN_FILE = $null
Import-Module '__MANIFEST__'
try { Get-SecretValue -SecretId x -Region us-east-1 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; [string]$_.CategoryInfo.Category; $_.Exception.Message }
'@.Replace('__MANIFEST__', $ModuleManifest)
        $output = Invoke-ChildPwsh -Command $command
        $output[0] | Should -Be 'NoCredentials,SecretsPS.Commands.GetSecretValueCommand'
        $output[1] | Should -Be 'AuthenticationError'
        $output[2] | Should -Match '-Credential'
        $output[2] | Should -Match 'AWS_ACCESS_KEY_ID'
    }

    It 'an unknown profile is a terminating ProfileNotFound error naming the profile' {
        $e = { Get-SecretValue -SecretId x -ProfileName 'secretsps-no-such-profile' } |
            Should -Throw -ErrorId 'ProfileNotFound,SecretsPS.Commands.GetSecretValueCommand' -PassThru
        $e.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $e.Exception.Message | Should -Match 'secretsps-no-such-profile'
        $e.Exception.InnerException | Should -Not -BeNullOrEmpty
    }

    It 'an unusable endpoint is a terminating InvalidEndpoint error' {
        { Get-SecretValue -SecretId x -EndpointUrl 'not a url' } |
            Should -Throw -ErrorId 'InvalidEndpoint,SecretsPS.Commands.GetSecretValueCommand'
    }

    It '-SessionToken without -Credential is a terminating error before any request' {
        $token = ConvertTo-SecureString 'token' -AsPlainText -Force
        $e = { Get-SecretValue -SecretId x -SessionToken $token -EndpointUrl 'http://127.0.0.1:9' } |
            Should -Throw -ErrorId 'SessionTokenWithoutCredential,SecretsPS.Commands.GetSecretValueCommand' -PassThru
        $e.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'an unreachable endpoint is a non-terminating ConnectionError with the original exception inside' {
        $result = Get-SecretValue -SecretId 'unreachable' -EndpointUrl 'http://127.0.0.1:9' -ErrorVariable err -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'NetworkFailure,SecretsPS.Commands.GetSecretValueCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $err[0].TargetObject | Should -Be 'unreachable'
        $err[0].Exception.InnerException | Should -Not -BeNullOrEmpty
    }

    It '-Credential is used for signing (moto accepts any key)' {
        $credential = [pscredential]::new('AKIDEXAMPLE', (ConvertTo-SecureString 'example-secret-key' -AsPlainText -Force))
        $password = New-RandomPassword -Credential $credential -AsPlainText
        $password.Length | Should -Be 32
    }
}

Describe 'Ctrl+C' {
    It 'StopProcessing cancels an in-flight request promptly' {
        # A listener that accepts the connection and never answers: the request hangs until cancelled.
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $ps = [powershell]::Create()
        try {
            $port = $listener.LocalEndpoint.Port
            $null = $ps.AddScript("Import-Module '$ModuleManifest'; Get-SecretValue -SecretId hang -EndpointUrl 'http://127.0.0.1:$port'")
            $async = $ps.BeginInvoke()
            $accept = $listener.AcceptTcpClientAsync()
            $accept.Wait(30000) | Should -BeTrue -Because 'the cmdlet should have connected'
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $accept.Result.Dispose()
        }
        finally {
            $ps.Dispose()
            $listener.Stop()
        }
    }
}

Describe 'No value in ToString or the default views' {
    BeforeAll {
        $script:name = New-TestSecretName -Prefix 'view'
        $script:stringValue = 'view-secret-' + [guid]::NewGuid().ToString('N')
        $script:binaryName = New-TestSecretName -Prefix 'viewbin'
        New-Secret -Name $name -SecretString $stringValue | Out-Null
        New-Secret -Name $binaryName -SecretBinary ([byte[]](201, 202, 203, 204)) | Out-Null
    }

    AfterAll {
        Remove-Secret -SecretId $name, $binaryName -ForceDeleteWithoutRecovery -Force -ErrorAction SilentlyContinue
    }

    It 'SecretValue.ToString shows the name and version only' {
        $value = Get-SecretValue $name
        "$value" | Should -Be "$name ($($value.VersionId))"
        "$value" | Should -Not -Match $stringValue
    }

    It 'the table and list views never show the value' {
        $value = Get-SecretValue $name
        ($value | Out-String) | Should -Not -Match $stringValue
        ($value | Format-List | Out-String) | Should -Not -Match $stringValue
        ($value | Out-String -Width 300) | Should -Match 'SecureString'
    }

    It 'a binary value shows as its size, not its bytes' {
        $value = Get-SecretValue $binaryName
        $text = $value | Format-List | Out-String
        $text | Should -Match 'Binary \(4 bytes\)'
        # PowerShell renders a byte[] property as "{201, 202, 203, 204}".
        $text | Should -Not -Match '201, 202'
        ($value | Out-String -Width 300) | Should -Not -Match '201, 202'
        ($value | Select-Object Name, SecretBinary | Out-String -Width 300) | Should -Match '201, 202'
    }

    It 'SecretInfo, SecretVersion and SecretDeletionInfo have table views' {
        $formats = Get-FormatData -TypeName 'SecretsPS.SecretInfo', 'SecretsPS.SecretValue', 'SecretsPS.SecretVersion', 'SecretsPS.SecretDeletionInfo'
        $formats.TypeNames | Should -Contain 'SecretsPS.SecretInfo'
        $formats.TypeNames | Should -Contain 'SecretsPS.SecretVersion'
        $formats.TypeNames | Should -Contain 'SecretsPS.SecretDeletionInfo'
    }

    It 'a SecretValue formatted in a runspace without its view (as a thread job''s receiver) shows no value' {
        $value = Get-SecretValue $binaryName
        $text = Get-SecretValue $name
        $other = [powershell]::Create()
        try {
            $null = $other.AddScript('param($Values) @(Get-FormatData -TypeName SecretsPS.SecretValue).Count; $Values | Out-String -Width 300; $Values | Format-List | Out-String -Width 300').AddArgument(@($value, $text))
            $count, $table, $list = $other.Invoke()
            $count | Should -Be 0 -Because 'this runspace never ran a SecretsPS command'
            foreach ($shown in $table, $list) {
                $shown | Should -Match $binaryName
                $shown | Should -Match ([regex]::Escape($value.VersionId))
                $shown | Should -Not -Match '201, 202'
                $shown | Should -Not -Match $stringValue
                $shown | Should -Not -Match 'SecretBinary|SecretString'
            }
        }
        finally {
            $other.Dispose()
        }
    }
}

Describe 'Views load at the first SecretsPS command in each session' {
    BeforeAll {
        $script:binaryName = New-TestSecretName -Prefix 'viewload'
        New-Secret -Name $binaryName -SecretBinary ([byte[]](211, 212, 213)) | Out-Null

        # A runspace like a JEA endpoint's: no language, Update-FormatData and Out-String private; optionally one whose
        # host forbids format updates (InitialSessionState.DisableFormatUpdates).
        function Invoke-RestrictedSession([switch] $FormatUpdatesDisabled) {
            $iss = [initialsessionstate]::CreateRestricted('RemoteServer')
            $iss.DisableFormatUpdates = [bool] $FormatUpdatesDisabled
            foreach ($entry in $iss.Commands['Out-String']) { $entry.Visibility = 'Public' }
            $iss.ImportPSModule($ModuleManifest)
            $session = [powershell]::Create($iss)
            try {
                $null = $session.AddCommand('Get-SecretValue').AddParameter('SecretId', $binaryName).AddParameter('EndpointUrl', $Endpoint).AddParameter('Debug')
                $null = $session.AddCommand('Out-String').AddParameter('Width', 300)
                $shown = -join $session.Invoke()
                $debug = @($session.Streams.Debug | ForEach-Object Message)
                $session.Commands.Clear()
                $views = @($session.AddCommand('Get-FormatData').AddParameter('TypeName', 'SecretsPS.SecretValue').Invoke())
                return [pscustomobject]@{
                    Shown        = $shown
                    Debug        = $debug
                    Views        = $views.Count
                    Errors       = @($session.Streams.Error)
                    # What the session's user would find in $Error afterwards.
                    SessionError = @($session.Runspace.SessionStateProxy.GetVariable('Error'))
                }
            }
            finally {
                $session.Dispose()
            }
        }
    }

    AfterAll {
        Remove-Secret -SecretId $binaryName -ForceDeleteWithoutRecovery -Force -ErrorAction SilentlyContinue
    }

    It 'loads them in a constrained (no-language, JEA-like) session' {
        $result = Invoke-RestrictedSession
        $result.Errors | Should -BeNullOrEmpty
        $result.SessionError | Should -BeNullOrEmpty
        $result.Views | Should -Be 1
        $result.Shown | Should -Match 'Binary \(3 bytes\)'
        $result.Debug -join "`n" | Should -Not -Match 'could not load its views'
    }

    It 'goes on without them where the host forbids format updates: says so in Debug, shows no bytes' {
        $result = Invoke-RestrictedSession -FormatUpdatesDisabled
        $result.Errors | Should -BeNullOrEmpty
        $result.SessionError | Should -BeNullOrEmpty -Because 'a session without views is not an error of the command'
        $result.Views | Should -Be 0
        $result.Debug -join "`n" | Should -Match 'SecretsPS could not load its views into this session.*DisableFormatUpdates'
        $result.Shown | Should -Match $binaryName
        $result.Shown | Should -Not -Match '211, 212'
    }

    It 'a value received from a process job is shown through the view, without its bytes' {
        # Deserialized objects carry no display set of their own: this session's view (loaded by the New-Secret above)
        # is what keeps the bytes out; about_SecretsPS says so.
        $job = Start-Job -ScriptBlock {
            param($Manifest, $Id, $Url)
            Import-Module $Manifest
            Get-SecretValue -SecretId $Id -EndpointUrl $Url
        } -ArgumentList $ModuleManifest, $binaryName, $Endpoint
        $received = @($job | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop)
        $received.Count | Should -Be 1
        $received[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.SecretsPS.SecretValue'
        @($received[0].SecretBinary) | Should -Be @(211, 212, 213)
        foreach ($shown in ($received | Out-String -Width 300), ($received | Format-List | Out-String -Width 300)) {
            $shown | Should -Match 'Binary \(3 bytes\)'
            $shown | Should -Not -Match '211, 212'
        }
    }

    It 'a session whose format data cannot be rebuilt (another file gone) gets no views, a Debug line and no $Error entry' {
        $other = Join-Path ([IO.Path]::GetTempPath()) "secretsps-vanished-$([guid]::NewGuid().ToString('n')).Format.ps1xml"
        Set-Content -LiteralPath $other -Value '<Configuration><ViewDefinitions /></Configuration>'
        $session = [powershell]::Create()
        try {
            $null = $session.AddCommand('Update-FormatData').AddParameter('AppendPath', $other).AddStatement()
            $null = $session.AddCommand('Import-Module').AddParameter('Name', $ModuleManifest)
            $session.Invoke()
            Remove-Item -LiteralPath $other
            $session.Commands.Clear()
            $null = $session.AddCommand('Get-SecretValue').AddParameter('SecretId', $binaryName).AddParameter('EndpointUrl', $Endpoint).AddParameter('Debug')
            $null = $session.AddCommand('Out-String').AddParameter('Width', 300)
            $shown = -join $session.Invoke()
            $session.Streams.Error | Should -BeNullOrEmpty
            @($session.Runspace.SessionStateProxy.GetVariable('Error')) | Should -BeNullOrEmpty
            $session.Commands.Clear()
            @($session.AddCommand('Get-FormatData').AddParameter('TypeName', 'SecretsPS.SecretValue').Invoke()).Count | Should -Be 0
            ($session.Streams.Debug.Message -join "`n") | Should -Match 'could not load its views.*run Update-FormatData to see why'
            $shown | Should -Match $binaryName
            $shown | Should -Not -Match '211, 212'
        }
        finally {
            $session.Dispose()
            Remove-Item -LiteralPath $other -ErrorAction Ignore
        }
    }
}
