# Runs the secret-handling scenarios with -Verbose and -Debug under Start-Transcript, then asserts that no secret
# value occurs in the transcript (which records Verbose, Debug, Warning, What if, error and formatted output) or
# in any error record (message, inner exceptions, target, details).
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $PSDefaultParameterValues['*:EndpointUrl'] = $Endpoint
    $script:prefix = New-TestSecretName -Prefix 'leak'
    $marker = [guid]::NewGuid().ToString('N')
    $script:values = [ordered]@{
        String   = "leak-string-$marker"
        Secure   = "leak-secure-$marker"
        JsonPass = "leak-jsonpass-$marker"
        Binary   = "leak-binary-$marker"
        Update   = "leak-update-$marker"
        Version  = "leak-version-$marker"
        NotJson  = "leak-notjson-$marker"
        Huge     = "leak-huge-$marker"
        WhatIf   = "leak-whatif-$marker"
        Session  = "leak-session-$marker"
        # Values given to the wrong value parameter: binding must fail without echoing them.
        BindString = "leak-bindstring-$marker"
        BindBinary = "leak-bindbinary-$marker"
        BindJson   = "leak-bindjson-$marker"
        BindArray  = "leak-bindarray-$marker"
        BindSecure = "leak-bindsecure-$marker"
        # A PSCustomObject from ConvertFrom-Json, which -SecretValue accepts.
        JsonObject = "leak-jsonobject-$marker"
    }
    $script:transcript = Join-Path ([IO.Path]::GetTempPath()) "secretsps-leak-$marker.txt"
    $script:passwords = [System.Collections.Generic.List[string]]::new()
    $script:bindingErrors = [System.Collections.Generic.List[System.Management.Automation.ErrorRecord]]::new()
}

AfterAll {
    Find-Secret "$prefix/*" -IncludePlannedDeletion | Remove-Secret -ForceDeleteWithoutRecovery -Force -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $transcript -ErrorAction Ignore
    $PSDefaultParameterValues.Remove('*:EndpointUrl')
}

Describe 'Leak check' {
    BeforeAll {
        $v = $values
        $secure = ConvertTo-SecureString $v.Secure -AsPlainText -Force
        $binary = [Text.Encoding]::UTF8.GetBytes($v.Binary)
        $common = @{ Verbose = $true; Debug = $true; InformationAction = 'Continue'; ErrorAction = 'Continue' }
        # A binding error ends the statement whatever -ErrorAction says: record it and print it as the host would.
        function Invoke-BindingError([scriptblock] $Command) {
            try { & $Command } catch { $script:bindingErrors.Add($_); $_ | Out-Host }
        }
        $Error.Clear()
        Start-Transcript -LiteralPath $transcript -Force | Out-Null
        try {
            # Creating, in every value form (plus -WhatIf, whose text is printed to the host).
            New-Secret -Name "$prefix/string" -SecretString $v.String @common | Out-Host
            New-Secret -Name "$prefix/secure" -SecureString $secure @common | Format-List * | Out-Host
            New-Secret -Name "$prefix/binary" -SecretBinary $binary @common | Out-Host
            New-Secret -Name "$prefix/json" -SecretValue @{ username = 'leak-user'; password = $v.JsonPass } @common | Out-Host
            New-Secret -Name "$prefix/notjson" -SecretString $v.NotJson @common | Out-Host
            New-Secret -Name "$prefix/whatif" -SecretString $v.WhatIf -WhatIf @common
            New-RandomPassword @common | New-Secret -Name "$prefix/random" @common | Out-Host
            New-Secret -Name "$prefix/jsonobject" -SecretValue ('{"username":"u","password":"' + $v.JsonObject + '"}' | ConvertFrom-Json) @common | Out-Host

            # Reading, displayed with the default views and Format-List.
            Get-SecretValue "$prefix/string" @common | Out-Host
            Get-SecretValue "$prefix/secure" @common | Format-List | Out-Host
            Get-SecretValue "$prefix/binary" @common | Format-List | Out-Host
            "$prefix/string", "$prefix/secure", "$prefix/missing", "$prefix/json" | Get-SecretValue @common | Out-Host
            Get-SecretValue "$prefix/json" -Key password @common | Out-Host
            Get-SecretValue "$prefix/json" -AsHashtable @common | Out-Host
            Get-SecretValue "$prefix/json" -AsCredential @common | Out-Host
            $script:passwords.Add((Get-SecretValue "$prefix/random" -AsPlainText))
            Find-Secret "$prefix/*" @common | Out-Host
            Get-SecretVersion "$prefix/string" @common | Out-Host

            # Errors that involve a value.
            Get-SecretValue "$prefix/notjson" -Key password @common
            Get-SecretValue "$prefix/notjson" -AsCredential @common
            Get-SecretValue "$prefix/notjson" -AsHashtable @common
            Get-SecretValue "$prefix/json" -Key nosuchkey @common
            New-Secret -Name "$prefix/string" -SecretString $v.String @common
            New-Secret -Name "$prefix/huge" -SecretString ($v.Huge * 2000) @common
            New-Secret -Name 'bad name' -SecretString $v.String @common
            Set-Secret -SecretId "$prefix/missing" -SecretString $v.Update @common
            Publish-SecretVersion -SecretId "$prefix/missing" -SecretString $v.Version @common
            $credential = [pscredential]::new('AKIDLEAKCHECK', $secure)
            # Values given to the wrong parameter: PowerShell's own conversion errors would quote them.
            $bindSecure = ConvertTo-SecureString $v.BindSecure -AsPlainText -Force
            Invoke-BindingError { New-Secret -Name "$prefix/bind1" -SecretBinary $v.BindBinary @common }
            Invoke-BindingError { New-Secret -Name "$prefix/bind2" -SecretValue ('{"username":"u","password":"' + $v.BindJson + '"}') @common }
            Invoke-BindingError { New-Secret -Name "$prefix/bind3" -SecretValue @($v.BindArray, 'x') @common }
            Invoke-BindingError { New-Secret -Name "$prefix/bind4" -SecretString $bindSecure @common }
            Invoke-BindingError { New-Secret -Name "$prefix/bind5" -SecretBinary @($v.BindArray, 'x') @common }
            Invoke-BindingError { Set-Secret -SecretId "$prefix/string" -SecretBinary $v.BindBinary @common }
            Invoke-BindingError { Set-Secret -SecretId "$prefix/string" -SecretValue $v.BindJson @common }
            Invoke-BindingError { Publish-SecretVersion -SecretId "$prefix/string" -SecretBinary $v.BindBinary @common }
            Invoke-BindingError { Publish-SecretVersion -SecretId "$prefix/string" -SecretString @{ password = $v.BindString } @common }
            Invoke-BindingError { Publish-SecretVersion -SecretId "$prefix/string" -SecretValue $bindSecure @common }
            Get-SecretValue "$prefix/string" -Credential $credential -SessionToken (ConvertTo-SecureString $v.Session -AsPlainText -Force) -EndpointUrl 'http://127.0.0.1:9' @common

            # Changing.
            Set-Secret -SecretId "$prefix/string" -SecretString $v.Update -Description 'changed' -PassThru @common | Out-Host
            Set-Secret -SecretId "$prefix/string" -SecretString $v.WhatIf -WhatIf @common
            Publish-SecretVersion -SecretId "$prefix/string" -SecretString $v.Version -VersionStage custom @common | Out-Host
            Publish-SecretVersion -SecretId "$prefix/string" -SecretString $v.WhatIf -WhatIf @common
            Get-SecretVersion "$prefix/string" | Where-Object VersionStages -contains AWSPREVIOUS | Publish-SecretVersion -VersionStage AWSCURRENT @common | Out-Host
            Remove-Secret -SecretId "$prefix/secure" -WhatIf @common
            Remove-Secret -SecretId "$prefix/secure" -Force -PassThru @common | Out-Host
            Restore-Secret -SecretId "$prefix/secure" -PassThru @common | Out-Host
        }
        finally {
            Stop-Transcript | Out-Null
        }
        $script:errors = @($Error) + @($bindingErrors)
        $script:text = Get-Content -LiteralPath $transcript -Raw
    }

    It 'the scenarios ran: the transcript has Verbose, Debug and What if output and errors were recorded' {
        $text | Should -Match 'VERBOSE: Creating secret'
        $text | Should -Match 'DEBUG: Using Secrets Manager'
        $text | Should -Match 'What if:'
        $errors.Count | Should -BeGreaterOrEqual 10
        $passwords.Count | Should -Be 1
        $bindingErrors.Count | Should -Be 10
        $bindingErrors.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'ParameterArgumentTransformationError,*' }
        $text | Should -Match 'Cannot process argument transformation'
        Get-SecretValue "$prefix/jsonobject" -Key password -AsPlainText | Should -BeExactly $values.JsonObject
    }

    It 'no secret value occurs in the transcript: <_>' -ForEach @(
        'String', 'Secure', 'JsonPass', 'Binary', 'Update', 'Version', 'NotJson', 'Huge', 'WhatIf', 'Session',
        'BindString', 'BindBinary', 'BindJson', 'BindArray', 'BindSecure', 'JsonObject'
    ) {
        $value = $values[$_]
        $text | Should -Not -Match ([regex]::Escape($value))
        if ($_ -eq 'Binary') {
            $text | Should -Not -Match ([regex]::Escape([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($value))))
        }
    }

    It 'no generated password occurs in the transcript' {
        foreach ($password in $passwords) { $text.Contains($password) | Should -BeFalse }
    }

    It 'no secret value occurs in any error record' {
        $secretValues = @($values.Values) + $passwords
        foreach ($record in $errors) {
            $parts = [System.Collections.Generic.List[string]]::new()
            $parts.Add($record.ToString())
            $parts.Add([string]$record.TargetObject)
            $parts.Add([string]$record.ErrorDetails)
            $parts.Add([string]$record.CategoryInfo)
            $exception = $record.Exception
            while ($exception) {
                $parts.Add($exception.Message)
                $parts.Add($exception.ToString())
                $exception = $exception.InnerException
            }
            $all = $parts -join "`n"
            foreach ($secret in $secretValues) {
                $all.Contains($secret) | Should -BeFalse -Because "error '$($record.FullyQualifiedErrorId)' must not contain a secret value"
            }
        }
    }
}
